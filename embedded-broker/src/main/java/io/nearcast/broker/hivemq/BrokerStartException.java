package io.nearcast.broker.hivemq;

/** The embedded broker could not start; the message says why in one line. */
public final class BrokerStartException extends Exception {

    public BrokerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
