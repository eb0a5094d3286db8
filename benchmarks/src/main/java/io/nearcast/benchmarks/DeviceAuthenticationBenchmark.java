package io.nearcast.benchmarks;

import io.nearcast.kernel.domain.MasterKey;
import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import io.nearcast.kernel.domain.SecretBox;
import io.nearcast.registry.domain.Device;
import io.nearcast.registry.domain.DeviceAuthentication;
import io.nearcast.registry.domain.DeviceKind;
import io.nearcast.registry.domain.DeviceRepository;
import io.nearcast.registry.domain.PasswordHash;
import io.nearcast.registry.domain.StoreId;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a device's MQTT CONNECT costs the broker's authenticator: the first verification of a
 * password (PBKDF2-HMAC-SHA256, {@link PasswordHash#DEFAULT_ITERATIONS} iterations) against a
 * reconnect with a password already verified (keyed digest). The registry lookup is an in-memory
 * map here, so the figures are the authenticator's own cost; the ratio is what matters.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class DeviceAuthenticationBenchmark {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] PASSWORD = "Z7vxLjv3m5BzUAavkT05KJ1wte687xfRvRu5vq1jP2U".getBytes(StandardCharsets.UTF_8);

    private Device device;
    private DeviceAuthentication remembering;
    private DeviceRepository repository;
    private SecretBox box;

    @Setup(Level.Trial)
    public void registerOneDevice() {
        device = new Device(UUID.randomUUID().toString(), StoreId.random(), DeviceKind.SCANNER, "Entrance", true,
                PasswordHash.create(new String(PASSWORD, StandardCharsets.UTF_8), PasswordHash.DEFAULT_ITERATIONS, RANDOM),
                "v1:unused", Instant.EPOCH, Instant.EPOCH);
        repository = new OneDevice(device);
        box = new SecretBox(MasterKey.generate(RANDOM), RANDOM);
        remembering = new DeviceAuthentication(repository, box, RANDOM);
        remembering.mqtt(device.id(), PASSWORD).orElseThrow();
    }

    /** A reconnect: the password verified before. */
    @Benchmark
    public Optional<Device> reconnectWithRememberedPassword() {
        return remembering.mqtt(device.id(), PASSWORD);
    }

    /** A first connect after start-up: one full PBKDF2 run (a fresh authenticator each time, so nothing is remembered). */
    @Benchmark
    public Optional<Device> firstConnectAfterStart() {
        return new DeviceAuthentication(repository, box, RANDOM).mqtt(device.id(), PASSWORD);
    }

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
