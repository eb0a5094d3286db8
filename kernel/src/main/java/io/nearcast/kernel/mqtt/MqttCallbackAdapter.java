package io.nearcast.kernel.mqtt;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * A Paho v5 {@link MqttCallback} whose events do nothing unless overridden: subclasses say only
 * what they care about (at least {@link #messageArrived}). No enhanced authentication is used
 * anywhere in Nearcast, so {@link #authPacketArrived} stays empty.
 */
public abstract class MqttCallbackAdapter implements MqttCallback {

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        // nothing by default
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        // nothing by default
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // nothing by default
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        // nothing by default
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // no enhanced authentication
    }
}
