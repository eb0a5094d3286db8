package io.nearcast.gateway.domain.ingest;

import java.util.Objects;

/**
 * CBOR input that {@link CborJson} cannot transcode: malformed, truncated, over a limit or using
 * a feature JSON has no equivalent for. {@link #reason()} is a stable machine-readable reason
 * (such as {@code cbor-truncated}) fit for a {@link Reject}; {@link #getMessage()} is one human
 * line naming the byte offset, and never echoes the payload.
 */
public final class CborException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final int offset;

    /**
     * @param reason stable machine-readable reason, e.g. {@code cbor-truncated}
     * @param offset byte offset in the input where the problem was found
     * @param detail human description, without the offset (it is appended)
     */
    public CborException(String reason, int offset, String detail) {
        super(Objects.requireNonNull(detail, "detail") + " at byte " + offset);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.offset = offset;
    }

    /** The stable machine-readable reason, e.g. {@code cbor-truncated}. */
    public String reason() {
        return reason;
    }

    /** The byte offset in the input where the problem was found. */
    public int offset() {
        return offset;
    }
}
