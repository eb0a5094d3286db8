package io.nearcast.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.nearcast.kernel.domain.MasterKey;
import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import io.nearcast.kernel.domain.SecretBox;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import io.nearcast.testing.MovableClock;
import org.junit.jupiter.api.Test;

/** The budget of slow verifications per device: floods of wrong passwords stop costing PBKDF2 runs, the right device still gets in. */
class DeviceAuthenticationTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PASSWORD = "the-generated-password";

    private final Device device = new Device(UUID.randomUUID().toString(), StoreId.random(), DeviceKind.SCANNER, "Entrance", true,
            PasswordHash.create(PASSWORD, 1_000, RANDOM), "v1:unused", Instant.EPOCH, Instant.EPOCH);
    private final MovableClock clock = new MovableClock(Instant.ofEpochMilli(1_700_000_000_000L));
    private final DeviceAuthentication authentication = new DeviceAuthentication(new OneDevice(device),
            new SecretBox(MasterKey.generate(RANDOM), RANDOM), RANDOM, clock);

    @Test
    void aFloodOfWrongPasswordsIsRefusedWithoutHashingOnceTheBudgetIsSpent() {
        for (int i = 0; i < DeviceAuthentication.VERIFICATIONS_PER_WINDOW; i++) {
            assertThat(authentication.mqtt(device.id(), bytes("guess-" + i))).isEmpty();
        }
        assertThat(authentication.throttled()).isZero();

        assertThat(authentication.mqtt(device.id(), bytes(PASSWORD))).as("budget spent, password not yet remembered").isEmpty();
        assertThat(authentication.throttled()).isEqualTo(1);

        clock.advance(DeviceAuthentication.WINDOW);
        assertThat(authentication.mqtt(device.id(), bytes(PASSWORD))).contains(device);
    }

    @Test
    void aRememberedPasswordNeedsNoBudget() {
        assertThat(authentication.mqtt(device.id(), bytes(PASSWORD))).contains(device);
        for (int i = 0; i < 3 * DeviceAuthentication.VERIFICATIONS_PER_WINDOW; i++) {
            authentication.mqtt(device.id(), bytes("guess-" + i));
        }

        assertThat(authentication.mqtt(device.id(), bytes(PASSWORD))).contains(device);
        // the first, correct verification spent one of the budget, so all but budget - 1 guesses were refused unhashed
        assertThat(authentication.throttled()).isEqualTo(3L * DeviceAuthentication.VERIFICATIONS_PER_WINDOW - (DeviceAuthentication.VERIFICATIONS_PER_WINDOW - 1));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A repository that holds one device; only lookups are needed here. */
    private record OneDevice(Device device) implements DeviceRepository {
        @Override
        public void insert(Device d) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Device> find(String id) {
            return device.id().equals(id) ? Optional.of(device) : Optional.empty();
        }

        @Override
        public Page<Device> list(StoreId storeId, PageRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean update(Device d) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean delete(String id) {
            throw new UnsupportedOperationException();
        }
    }
}
