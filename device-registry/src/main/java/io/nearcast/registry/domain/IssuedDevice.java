package io.nearcast.registry.domain;

/** A device together with the secrets just generated for it (creation or rotation). */
public record IssuedDevice(Device device, DeviceSecrets secrets) {
}
