package io.nearcast.gateway.domain.frames;

/**
 * Why an advertisement gave no frame; {@link #reason} is the machine-readable reject reason.
 *
 * @param reason e.g. {@code adv-not-hex}
 * @param detail one line for a human, never the raw bytes
 */
public record FrameRejection(String reason, String detail) {
}
