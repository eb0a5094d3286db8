package io.nearcast.kernel.mqtt;

import java.net.ConnectException;
import java.net.UnknownHostException;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.common.MqttException;

/** Turns Paho's exceptions into one short line an operator can act on. */
final class MqttFailures {

    private MqttFailures() {
    }

    static String describe(MqttException e) {
        Throwable root = rootCause(e);
        if (root instanceof ConnectException) {
            return "connection refused (is a broker listening there?)";
        }
        if (root instanceof UnknownHostException) {
            return "unknown host " + root.getMessage();
        }
        return switch (e.getReasonCode()) {
            case 0x86 -> "bad user name or password";
            case 0x87, 5 -> "not authorised";
            case MqttClientException.REASON_CODE_CLIENT_TIMEOUT -> "timed out waiting for the broker";
            default -> root == e ? e.getMessage() : e.getMessage() + " (" + root.getMessage() + ")";
        };
    }

    private static Throwable rootCause(Throwable t) {
        Throwable current = t;
        while (current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }
}
