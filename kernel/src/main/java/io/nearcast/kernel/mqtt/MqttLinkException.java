package io.nearcast.kernel.mqtt;

/** Nearcast's MQTT client could not reach or use its broker; the message says why in one line. */
public final class MqttLinkException extends Exception {

    public MqttLinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
