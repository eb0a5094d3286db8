package io.nearcast.app.secrets;

import io.nearcast.app.config.ConfigurationError;
import io.nearcast.app.config.Setting;
import io.nearcast.app.config.SettingsParser;
import io.nearcast.app.config.Settings;
import io.nearcast.kernel.domain.MasterKey;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The administrator token and the master key: given by the operator, or read from the data
 * directory, or generated there on first start.
 *
 * <p>A generated administrator token is printed once, on the console (never through the log),
 * right when it is generated, so a start that fails later does not swallow it.
 *
 * @param adminToken bearer token of the first administrator; never log it
 * @param masterKey  key that encrypts secrets at rest
 */
public record ServerSecrets(String adminToken, MasterKey masterKey) {

    static final String ADMIN_TOKEN_FILE = "admin-token";
    static final String MASTER_KEY_FILE = "master-key";

    /** Prefix that lets secret scanners recognise a leaked Nearcast admin token. */
    static final String ADMIN_TOKEN_PREFIX = "nca_";

    public static ServerSecrets provision(Settings settings, DataDirectory dataDirectory, SecureRandom random, PrintStream console) {
        MasterKey masterKey = settings.masterKey().orElseGet(() -> storedMasterKey(dataDirectory, random));
        if (settings.adminToken().isPresent()) {
            return new ServerSecrets(settings.adminToken().get(), masterKey);
        }
        StoredSecret token = dataDirectory.secret(ADMIN_TOKEN_FILE, () -> newAdminToken(random));
        SettingsParser.adminTokenProblem(token.value()).ifPresent(problem -> {
            throw new ConfigurationError(Setting.ADMIN_TOKEN, "unset, and " + token.file() + " is unusable: " + problem);
        });
        if (token.created()) {
            announce(token, console);
        }
        return new ServerSecrets(token.value(), masterKey);
    }

    private static void announce(StoredSecret token, PrintStream console) {
        console.println("Generated the administrator token (shown once; kept owner-only in " + token.file() + "):");
        console.println("  " + token.value());
    }

    private static MasterKey storedMasterKey(DataDirectory dataDirectory, SecureRandom random) {
        StoredSecret stored = dataDirectory.secret(MASTER_KEY_FILE, () -> MasterKey.generate(random).toBase64());
        try {
            return MasterKey.fromBase64(stored.value());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationError(Setting.MASTER_KEY, "unset, and " + stored.file() + " is unusable: " + e.getMessage());
        }
    }

    private static String newAdminToken(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return ADMIN_TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "ServerSecrets[adminToken=***, masterKey=***]";
    }
}
