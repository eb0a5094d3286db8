package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.SecretBox;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the credentials a device presents to the broker (MQTT user name and password) or to the
 * DTLS listener (PSK identity), against the registry as it is now: a disabled, deleted or rotated
 * device is refused at its next attempt. Thread-safe.
 *
 * <p>The password hash is deliberately slow (PBKDF2), and devices reconnect often, so a password
 * that verified once is remembered as a keyed digest (HMAC with a key that lives only in this
 * process) next to the stored hash it verified against. The registry row is still read at every
 * attempt; a rotation changes the stored hash, which makes the remembered entry useless.
 */
public final class DeviceAuthentication {

    private static final int MAX_REMEMBERED = 100_000;

    private final DeviceRepository repository;
    private final SecretBox box;
    private final SecretKeySpec rememberKey;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    public DeviceAuthentication(DeviceRepository repository, SecretBox box, SecureRandom random) {
        this.repository = repository;
        this.box = box;
        byte[] key = new byte[32];
        random.nextBytes(key);
        this.rememberKey = new SecretKeySpec(key, "HmacSHA256");
    }

    /** The enabled device whose MQTT user name and password these are; empty otherwise. */
    public Optional<Device> mqtt(String username, byte[] password) {
        if (!DeviceIds.looksLikeId(username) || password.length == 0) {
            return Optional.empty();
        }
        return repository.find(username)
                .filter(Device::enabled)
                .filter(device -> passwordMatches(device, password));
    }

    /** The PSK bytes of the enabled device with this DTLS identity; empty otherwise. */
    public Optional<byte[]> psk(String identity) {
        if (!DeviceIds.looksLikeId(identity)) {
            return Optional.empty();
        }
        return repository.find(identity)
                .filter(Device::enabled)
                .map(device -> box.open(device.sealedPsk(), Device.pskPurpose(device.id())));
    }

    private boolean passwordMatches(Device device, byte[] password) {
        String storedHash = device.mqttPassword().encoded();
        byte[] digest = digest(password);
        Verified known = verified.get(device.id());
        if (known != null && known.storedHash().equals(storedHash) && MessageDigest.isEqual(known.digest(), digest)) {
            return true;
        }
        if (!device.mqttPassword().matches(password)) {
            return false;
        }
        if (verified.size() >= MAX_REMEMBERED) {
            verified.clear();
        }
        verified.put(device.id(), new Verified(storedHash, digest));
        return true;
    }

    private byte[] digest(byte[] password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(rememberKey);
            return mac.doFinal(password);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private record Verified(String storedHash, byte[] digest) {
    }
}
