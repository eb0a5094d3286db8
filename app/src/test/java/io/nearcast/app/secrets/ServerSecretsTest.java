package io.nearcast.app.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nearcast.app.config.ConfigurationError;
import io.nearcast.app.config.Setting;
import io.nearcast.app.config.Settings;
import io.nearcast.app.config.SettingsParser;
import io.nearcast.kernel.domain.MasterKey;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerSecretsTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private ServerSecrets provision(Path dataDir, Map<Setting, String> values) {
        Map<Setting, String> all = new java.util.EnumMap<>(Setting.class);
        all.putAll(values);
        all.put(Setting.DATA_DIR, dataDir.toString());
        Settings settings = new SettingsParser(setting -> Optional.ofNullable(all.get(setting))).parse();
        return ServerSecrets.provision(settings, DataDirectory.open(settings.dataDir()), new SecureRandom(),
                new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    @Test
    void generatesOwnerOnlySecretsOnFirstStartAndPrintsTheTokenOnce() throws Exception {
        Path dataDir = temp.resolve("data");

        ServerSecrets first = provision(dataDir, Map.of());
        String printedFirst = console.toString(StandardCharsets.UTF_8);
        console.reset();
        ServerSecrets second = provision(dataDir, Map.of());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("admin-token")))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("master-key")))).isEqualTo("rw-------");
        assertThat(printedFirst).contains(first.adminToken());
        assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(second.adminToken()).isEqualTo(first.adminToken()).startsWith("nca_").hasSizeGreaterThan(40);
        assertThat(second.masterKey()).isEqualTo(first.masterKey());
    }

    @Test
    void usesTheOperatorsSecretsAndWritesNoFiles() {
        Path dataDir = temp.resolve("given");
        MasterKey key = MasterKey.generate(new SecureRandom());
        String token = "operator-chosen-token-0123456789";

        ServerSecrets secrets = provision(dataDir, Map.of(Setting.ADMIN_TOKEN, token, Setting.MASTER_KEY, key.toBase64()));

        assertThat(secrets.adminToken()).isEqualTo(token);
        assertThat(secrets.masterKey()).isEqualTo(key);
        assertThat(dataDir.resolve("admin-token")).doesNotExist();
        assertThat(dataDir.resolve("master-key")).doesNotExist();
        assertThat(secrets.toString()).doesNotContain(token);
    }

    @Test
    void restrictsASecretFileOthersCouldRead() throws Exception {
        Path dataDir = Files.createDirectories(temp.resolve("open"));
        Path tokenFile = dataDir.resolve("admin-token");
        Files.writeString(tokenFile, "nca_existing-token-value-0123456789\n");
        Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-r--r--"));

        ServerSecrets secrets = provision(dataDir, Map.of());

        assertThat(secrets.adminToken()).isEqualTo("nca_existing-token-value-0123456789");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");
    }

    @Test
    void holdsAStoredAdminTokenToTheSameRuleAsAConfiguredOne() throws Exception {
        Path dataDir = Files.createDirectories(temp.resolve("truncated"));
        Files.writeString(dataDir.resolve("admin-token"), "nca_short\n");

        assertThatThrownBy(() -> provision(dataDir, Map.of()))
                .isInstanceOf(ConfigurationError.class)
                .hasMessageStartingWith("NEARCAST_ADMIN_TOKEN: unset, and ")
                .hasMessageContaining("admin-token is unusable: too short (9 characters; at least 24)");
    }

    @Test
    void namesTheMasterKeyWhenTheStoredKeyIsDamaged() throws Exception {
        Path dataDir = Files.createDirectories(temp.resolve("damaged"));
        Files.writeString(dataDir.resolve("master-key"), "dGhpcyBpcyB0b28gc2hvcnQ=\n");

        assertThatThrownBy(() -> provision(dataDir, Map.of()))
                .isInstanceOf(ConfigurationError.class)
                .hasMessageStartingWith("NEARCAST_MASTER_KEY: unset, and ")
                .hasMessageContaining("master-key is unusable: must decode to 32 bytes");
    }

    @Test
    void namesTheDataDirWhenItCannotBeCreated() throws Exception {
        Path blocker = Files.writeString(temp.resolve("a-file"), "x");

        assertThatThrownBy(() -> provision(blocker.resolve("data"), Map.of()))
                .isInstanceOf(ConfigurationError.class)
                .hasMessageStartingWith("NEARCAST_DATA_DIR: cannot create");
    }
}
