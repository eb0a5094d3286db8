package io.nearcast.app.mqtt;

import io.nearcast.registry.domain.BrokerAccounts;
import io.nearcast.registry.domain.Device;

/**
 * An external broker whose accounts Nearcast does not manage ({@code NEARCAST_MQTT_DYNSEC} not
 * set): the operator provisions device accounts there (see {@code mqtt-config/mosquitto/}).
 * Nearcast warns about this once at start-up.
 */
public final class UnmanagedDeviceAccounts implements BrokerAccounts {

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
    }
}
