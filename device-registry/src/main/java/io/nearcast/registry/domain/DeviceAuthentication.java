package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.SecretBox;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
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
 *
 * <p>Guessing is pointless (the passwords are 256 random bits) but each wrong guess costs a
 * PBKDF2 run, so a flood of wrong passwords for one device id could burn the broker's CPU. Each
 * device therefore gets a budget of {@value #VERIFICATIONS_PER_WINDOW} slow verifications per
 * {@link #WINDOW}; beyond it, only a password already remembered is accepted, the rest refused
 * without hashing and counted ({@link #throttled()}). A correct device is not locked out: once
 * its password verified, it is remembered and needs no budget.
 */
public final class DeviceAuthentication {

    private static final int MAX_REMEMBERED = 100_000;
    static final int VERIFICATIONS_PER_WINDOW = 10;
    static final Duration WINDOW = Duration.ofMinutes(1);

    private final DeviceRepository repository;
    private final SecretBox box;
    private final SecretKeySpec rememberKey;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final Map<String, Budget> budgets = new ConcurrentHashMap<>();
    private final AtomicLong throttled = new AtomicLong();
    private final Clock clock;

    public DeviceAuthentication(DeviceRepository repository, SecretBox box, SecureRandom random) {
        this(repository, box, random, Clock.systemUTC());
    }

    DeviceAuthentication(DeviceRepository repository, SecretBox box, SecureRandom random, Clock clock) {
        this.repository = repository;
        this.box = box;
        this.clock = clock;
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

    /** Whether this is a registered, enabled device of that store (the ingest asks for every message). */
    public boolean isActive(String storeId, String deviceId) {
        return DeviceIds.looksLikeId(deviceId)
                && repository.find(deviceId).filter(Device::enabled).filter(device -> device.storeId().value().equals(storeId)).isPresent();
    }

    /** The store of the registered, enabled device with this id (a DTLS identity is the device id); empty otherwise. */
    public Optional<String> activeStore(String deviceId) {
        if (!DeviceIds.looksLikeId(deviceId)) {
            return Optional.empty();
        }
        return repository.find(deviceId).filter(Device::enabled).map(device -> device.storeId().value());
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
        if (!spendVerification(device.id())) {
            throttled.incrementAndGet();
            return false;
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

    /** How many attempts were refused without hashing because the device's budget was spent. */
    public long throttled() {
        return throttled.get();
    }

    private boolean spendVerification(String deviceId) {
        long now = clock.millis();
        if (budgets.size() >= MAX_REMEMBERED) {
            budgets.values().removeIf(budget -> budget.expired(now));
        }
        Budget budget = budgets.compute(deviceId, (id, current) -> current == null || current.expired(now) ? new Budget(now) : current);
        return budget.spend();
    }

    /** Slow verifications left for one device in the window that started at {@code start}. */
    private static final class Budget {
        private final long start;
        private int spent;

        Budget(long start) {
            this.start = start;
        }

        boolean expired(long now) {
            return now - start >= WINDOW.toMillis();
        }

        synchronized boolean spend() {
            return ++spent <= VERIFICATIONS_PER_WINDOW;
        }
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
