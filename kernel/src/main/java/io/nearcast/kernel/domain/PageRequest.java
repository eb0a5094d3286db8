package io.nearcast.kernel.domain;

/**
 * Which slice of a list a client wants: page numbers start at 0; size is 1–200, default 50.
 *
 * @throws InvalidField naming {@code page} or {@code size}
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    public PageRequest {
        if (page < 0) {
            throw new InvalidField("page", "must be 0 or more, got " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidField("size", "must be between 1 and " + MAX_SIZE + ", got " + size);
        }
    }

    public static PageRequest first() {
        return new PageRequest(0, DEFAULT_SIZE);
    }

    public long offset() {
        return (long) page * size;
    }
}
