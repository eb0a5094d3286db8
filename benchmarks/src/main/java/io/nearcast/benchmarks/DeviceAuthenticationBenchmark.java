package io.nearcast.benchmarks;

import io.nearcast.kernel.domain.MasterKey;
import io.nearcast.kernel.domain.SecretBox;
import io.nearcast.registry.domain.Device;
import io.nearcast.registry.domain.DeviceAuthentication;
import io.nearcast.registry.domain.DeviceKind;
import io.nearcast.registry.domain.DeviceRepository;
import io.nearcast.registry.domain.GeoPoint;
import io.nearcast.registry.domain.PasswordHash;
import io.nearcast.registry.domain.Store;
import io.nearcast.registry.domain.StoreId;
import io.nearcast.registry.jdbc.JdbcDeviceRepository;
import io.nearcast.registry.jdbc.JdbcStoreRepository;
import io.nearcast.registry.jdbc.RegistrySchema;
import io.nearcast.testing.H2MemoryDatabase;
import io.nearcast.testing.SchemaMigrations;
import java.sql.SQLException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a device's MQTT CONNECT costs the broker's authenticator: the first verification of a
 * password (PBKDF2-HMAC-SHA256, {@link PasswordHash#DEFAULT_ITERATIONS} iterations) against a
 * reconnect with a password already verified (keyed digest). Both include the device's lookup in
 * the registry (JDBC on an in-memory H2 with the server's options); the ratio is what matters.
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
    private H2MemoryDatabase database;

    @Setup(Level.Trial)
    public void registerOneDevice() {
        database = new H2MemoryDatabase();
        DataSource dataSource = SchemaMigrations.migrated(database.dataSource(), RegistrySchema.MODULE.location(), RegistrySchema.MODULE.historyTable());
        Store store = new Store(StoreId.random(), "Mitte", ZoneId.of("Europe/Berlin"), new GeoPoint(52.52, 13.405), Instant.EPOCH);
        new JdbcStoreRepository(dataSource).insert(store);
        device = new Device(UUID.randomUUID().toString(), store.id(), DeviceKind.SCANNER, "Entrance", true,
                PasswordHash.create(new String(PASSWORD, StandardCharsets.UTF_8), PasswordHash.DEFAULT_ITERATIONS, RANDOM),
                "v1:unused", Instant.EPOCH, Instant.EPOCH);
        repository = new JdbcDeviceRepository(dataSource);
        repository.insert(device);
        box = new SecretBox(MasterKey.generate(RANDOM), RANDOM);
        remembering = new DeviceAuthentication(repository, box, RANDOM);
        remembering.mqtt(device.id(), PASSWORD).orElseThrow();
    }

    @TearDown(Level.Trial)
    public void closeDatabase() throws SQLException {
        database.close();
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
}
