package io.nearcast.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Secrets appear once, in their creation response, and nowhere else: not in the database, not in later answers. */
@Timeout(120)
class SecretsAtRestTest {

    @TempDir
    static Path dataDir;

    private static ApiServer server;

    @BeforeAll
    static void start() {
        server = ApiServer.start(dataDir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aStaffTokenIsStoredOnlyAsAHash() throws Exception {
        String store = server.createStore("Secrets");
        String token = server.staffToken(store);

        assertThat(DatabaseScan.cellsContaining(server.runtime().database().dataSource(), token)).isEmpty();
        assertThat(DatabaseScan.cellsContaining(server.runtime().database().dataSource(), store))
                .as("the scan does find what is stored").isNotEmpty();
    }

    @Test
    void laterAnswersNeverRepeatATokenSecret() throws Exception {
        String token = server.staffToken(server.createStore("Once"));

        for (String path : new String[] {"/api/v1/tokens", "/api/v1/audit", "/api/v1/stores"}) {
            HttpResponse<String> response = server.get(path, ApiServer.ADMIN);
            assertThat(response.body()).as(path).doesNotContain(token);
        }
    }
}
