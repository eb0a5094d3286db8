package io.nearcast.app.mqtt;

import io.nearcast.broker.hivemq.EmbeddedBroker;
import io.nearcast.registry.domain.BrokerAccounts;
import io.nearcast.registry.domain.Device;
import io.nearcast.privacy.domain.ShopperAccounts;
import io.nearcast.privacy.domain.ShopperId;
import java.util.function.ToIntFunction;

/**
 * Device and shopper-app accounts on a broker that keeps none of Nearcast's making: the embedded broker, which
 * asks the registry at every CONNECT ({@link DeviceMqttAuthenticator}) and only has open sessions
 * to end; or an external broker whose accounts the operator manages ({@code NEARCAST_MQTT_DYNSEC}
 * not set; Nearcast warns about this at start-up).
 */
public final class SessionOnlyAccounts implements BrokerAccounts, ShopperAccounts {

    private final ToIntFunction<String> endSessionsOfUser;

    private SessionOnlyAccounts(ToIntFunction<String> endSessionsOfUser) {
        this.endSessionsOfUser = endSessionsOfUser;
    }

    public static SessionOnlyAccounts embedded(EmbeddedBroker broker) {
        return new SessionOnlyAccounts(broker::endSessions);
    }

    public static SessionOnlyAccounts unmanaged() {
        return new SessionOnlyAccounts(username -> 0);
    }

    @Override
    public void provision(Device device, String mqttPassword) {
        // credentials are read from the registry, or kept by the operator
    }

    @Override
    public void changePassword(Device device, String mqttPassword) {
        // as above
    }

    @Override
    public void setEnabled(Device device, boolean enabled) {
        // as above
    }

    @Override
    public void remove(Device device) {
        // as above
    }

    @Override
    public void endSessions(Device device) {
        endSessionsOfUser.applyAsInt(device.mqttUsername());
    }

    @Override
    public void provision(ShopperId shopper, String token) {
        // the embedded broker checks the token against the registry; unmanaged brokers: the operator
    }

    /** Ends the shopper app's sessions; returns how many. */
    @Override
    public long remove(ShopperId shopper) {
        return endSessionsOfUser.applyAsInt(shopper.value());
    }
}
