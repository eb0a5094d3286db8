package io.nearcast.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Secrets appear once, in their creation response, and nowhere else: not in the database, not in
 * later answers. Write-only secrets (tag SDM keys) appear in no response at all.
 */
@Timeout(120)
class SecretsAtRestTest {

    @RegisterExtension
    static final ApiServer server = new ApiServer();

    @RegisterExtension
    final LogCapture logs = new LogCapture();

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

    @Test
    void tagAndBatchSdmKeysAreStoredOnlySealed() throws Exception {
        String store = server.createStore("Tag secrets");
        String tagMeta = TagApiTest.key();
        String tagFile = TagApiTest.key();
        String batchMeta = TagApiTest.key();
        String batchMaster = TagApiTest.key();

        HttpResponse<String> tag = server.post("/api/v1/tags", ApiServer.ADMIN, "{\"uid\":\"" + TagApiTest.uid() + "\",\"storeId\":\"" + store
                + "\",\"sdm\":{\"metaReadKey\":\"" + tagMeta + "\",\"fileReadKey\":\"" + tagFile + "\"}}");
        HttpResponse<String> batch = server.post("/api/v1/tag-batches", ApiServer.ADMIN, "{\"name\":\"Run\",\"storeId\":\"" + store
                + "\",\"sdm\":{\"metaReadKey\":\"" + batchMeta + "\",\"fileReadMasterKey\":\"" + batchMaster + "\"}}");
        assertThat(tag.statusCode()).as(tag.body()).isEqualTo(201);
        assertThat(batch.statusCode()).as(batch.body()).isEqualTo(201);
        HttpResponse<String> batchTag = server.post("/api/v1/tags", ApiServer.ADMIN, "{\"uid\":\"" + TagApiTest.uid() + "\",\"storeId\":\"" + store
                + "\",\"batchId\":\"" + ApiServer.field(batch.body(), "id") + "\"}");
        assertThat(batchTag.statusCode()).as(batchTag.body()).isEqualTo(201);

        DataSource database = server.runtime().database().dataSource();
        for (String key : List.of(tagMeta, tagFile, batchMeta, batchMaster)) {
            for (String form : List.of(key, key.toUpperCase(Locale.ROOT), Base64.getEncoder().encodeToString(HexFormat.of().parseHex(key)))) {
                assertThat(DatabaseScan.cellsContaining(database, form)).as("a key stored in clear").isEmpty();
            }
        }
        assertThat(DatabaseScan.cellsContaining(database, "v1:")).as("the scan does find the sealed keys")
                .contains("registry_tag.meta_read_key_sealed", "registry_tag.file_read_key_sealed",
                        "registry_tag_batch.meta_read_key_sealed", "registry_tag_batch.file_read_master_key_sealed");
    }

    @Test
    void noLogLineEverCarriesATagKeyEvenWhenTheRequestIsRefused() throws Exception {
        String meta = TagApiTest.key();
        String shortKey = TagApiTest.key().substring(1);
        HttpResponse<String> refused = server.post("/api/v1/tags", ApiServer.ADMIN, "{\"uid\":\"" + TagApiTest.uid()
                + "\",\"sdm\":{\"metaReadKey\":\"" + meta + "\",\"fileReadKey\":\"" + shortKey + "\"}}");
        HttpResponse<String> created = server.post("/api/v1/tags", ApiServer.ADMIN, "{\"uid\":\"" + TagApiTest.uid()
                + "\",\"sdm\":{\"metaReadKey\":\"" + meta + "\",\"fileReadKey\":\"" + TagApiTest.key() + "\"}}");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).doesNotContain(meta).doesNotContain(shortKey);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(logs.lines()).noneMatch(line -> line.contains(meta) || line.contains(shortKey));
    }

    @Test
    void noAnswerEverCarriesATagKey() throws Exception {
        String meta = TagApiTest.key();
        String file = TagApiTest.key();
        HttpResponse<String> created = server.post("/api/v1/tags", ApiServer.ADMIN, "{\"uid\":\"" + TagApiTest.uid()
                + "\",\"sdm\":{\"metaReadKey\":\"" + meta + "\",\"fileReadKey\":\"" + file + "\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        String id = ApiServer.field(created.body(), "id");
        for (String path : new String[] {"/api/v1/tags/" + id, "/api/v1/tags?size=200", "/api/v1/audit?size=200"}) {
            HttpResponse<String> response = server.get(path, ApiServer.ADMIN);
            assertThat(response.body()).as(path).doesNotContain(meta).doesNotContain(file).doesNotContain("v1:");
        }
        assertThat(created.body()).doesNotContain(meta).doesNotContain(file);
    }
}
