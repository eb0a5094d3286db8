package io.nearcast.app.mqtt;

import io.nearcast.broker.domain.MqttAuthenticator;
import io.nearcast.broker.domain.MqttCredentials;
import io.nearcast.broker.domain.MqttPrincipal;
import io.nearcast.registry.domain.Device;
import io.nearcast.registry.domain.DeviceAuthentication;
import io.nearcast.kernel.domain.Topic;
import java.util.List;
import java.util.Optional;

/**
 * Lets registered, enabled devices onto the embedded broker with their MQTT credentials: a
 * device may publish only below its own topic prefix and subscribe only to its rejects topic.
 */
public final class DeviceMqttAuthenticator implements MqttAuthenticator {

    private final DeviceAuthentication devices;

    public DeviceMqttAuthenticator(DeviceAuthentication devices) {
        this.devices = devices;
    }

    @Override
    public Optional<MqttPrincipal> authenticate(MqttCredentials credentials) {
        if (credentials.username().isEmpty() || credentials.password().isEmpty()) {
            return Optional.empty();
        }
        return devices.mqtt(credentials.username().get(), credentials.password().get()).map(DeviceMqttAuthenticator::principal);
    }

    static MqttPrincipal principal(Device device) {
        return new MqttPrincipal(device.mqttUsername(), MqttPrincipal.Role.DEVICE,
                List.of(device.topicPrefix() + "#", Topic.STORE_CONTEXT.format(device.storeId().value())), List.of(device.rejectsTopic()));
    }
}
