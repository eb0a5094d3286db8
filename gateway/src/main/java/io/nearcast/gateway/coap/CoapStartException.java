package io.nearcast.gateway.coap;

/** A CoAP listener could not start; {@link #dtls()} tells which one. */
public final class CoapStartException extends Exception {

    private final boolean dtls;
    private final int port;

    public CoapStartException(boolean dtls, int port, String message, Throwable cause) {
        super(message, cause);
        this.dtls = dtls;
        this.port = port;
    }

    /** True when the DTLS listener failed, false for plain UDP. */
    public boolean dtls() {
        return dtls;
    }

    public int port() {
        return port;
    }
}
