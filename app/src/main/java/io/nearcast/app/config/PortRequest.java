package io.nearcast.app.config;

/**
 * A port the operator asked for, or the default.
 *
 * @param port     0–65535; 0 means "pick a free port"
 * @param explicit true when set by the operator. A taken default port falls back to a free one
 *                 (with a warning), a taken explicit port stops start-up.
 */
public record PortRequest(int port, boolean explicit) {

    public PortRequest {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    public static PortRequest explicit(int port) {
        return new PortRequest(port, true);
    }

    public static PortRequest byDefault(int port) {
        return new PortRequest(port, false);
    }

    public boolean isAnyFree() {
        return port == 0;
    }
}
