package io.nearcast.broker.hivemq;

import io.nearcast.broker.domain.MqttAuthenticator;
import io.nearcast.broker.domain.MqttCredentials;
import io.nearcast.broker.domain.MqttPrincipal;
import io.nearcast.broker.domain.ServiceAccount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one embedded broker of a test JVM (HiveMQ keeps process-wide state and takes seconds to
 * stop): started on first use on 127.0.0.1 and a free port, in-memory, stopped when the JVM exits.
 * Tests add the accounts they need with {@link #addAccount}.
 */
public final class TestBroker {

    private static TestBroker instance;

    private final EmbeddedBroker broker;
    private final ServiceAccount service;
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();

    private record Account(byte[] password, MqttPrincipal principal) {
    }

    private TestBroker() throws BrokerStartException {
        this.service = ServiceAccount.random(new SecureRandom());
        Path workDir = temporaryFolder();
        MqttAuthenticator testAccounts = this::authenticate;
        this.broker = new EmbeddedBroker(EmbeddedBrokerSettings.defaults("127.0.0.1", 0, workDir, false), List.of(service, testAccounts));
        broker.start();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "test-broker-stop"));
    }

    /** The shared broker, started on first call. */
    public static synchronized TestBroker get() {
        if (instance == null) {
            try {
                instance = new TestBroker();
            } catch (BrokerStartException e) {
                throw new IllegalStateException("test broker did not start: " + e.getMessage(), e);
            }
        }
        return instance;
    }

    public EmbeddedBroker broker() {
        return broker;
    }

    public String url() {
        return "tcp://127.0.0.1:" + broker.port();
    }

    public ServiceAccount serviceAccount() {
        return service;
    }

    /** Lets a client log in as {@code username} with {@code password} and the given permissions. */
    public void addAccount(String username, String password, MqttPrincipal principal) {
        accounts.put(username, new Account(password.getBytes(StandardCharsets.UTF_8), principal));
    }

    private Optional<MqttPrincipal> authenticate(MqttCredentials credentials) {
        return credentials.username()
                .map(accounts::get)
                .filter(account -> credentials.password().filter(given -> MessageDigest.isEqual(given, account.password())).isPresent())
                .map(Account::principal);
    }

    private static Path temporaryFolder() {
        try {
            Path dir = Files.createTempDirectory("nearcast-test-broker-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
