package io.nearcast.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Secrets appear once, in their creation response, and nowhere else: not in the database, not in later answers. */
@Timeout(120)
class SecretsAtRestTest {

    @RegisterExtension
    static final ApiServer server = new ApiServer();

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
