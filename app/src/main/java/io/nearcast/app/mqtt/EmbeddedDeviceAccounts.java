package io.nearcast.app.mqtt;

import io.nearcast.broker.hivemq.EmbeddedBroker;
import io.nearcast.registry.domain.BrokerAccounts;
import io.nearcast.registry.domain.Device;

/**
 * Device accounts on the embedded broker, which asks the registry at every CONNECT
 * ({@link DeviceMqttAuthenticator}): nothing to keep in step, only open sessions to end.
 */
public final class EmbeddedDeviceAccounts implements BrokerAccounts {

    private final EmbeddedBroker broker;

    public EmbeddedDeviceAccounts(EmbeddedBroker broker) {
        this.broker = broker;
    }

    @Override
    public void provision(Device device, String mqttPassword) {
    }

    @Override
    public void changePassword(Device device, String mqttPassword) {
    }

    @Override
    public void setEnabled(Device device, boolean enabled) {
    }

    @Override
    public void remove(Device device) {
    }

    @Override
    public void endSessions(Device device) {
        broker.endSessions(device.mqttUsername());
    }
}
