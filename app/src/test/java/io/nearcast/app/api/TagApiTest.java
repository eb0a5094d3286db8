package io.nearcast.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** NFC tags and tag key batches over HTTP: keys only go in, 409 for a UID twice, 422 naming the field, staff kept to their stores. */
@Timeout(120)
class TagApiTest {

    @RegisterExtension
    static final ApiServer server = new ApiServer();

    private static final String TAGS = "/api/v1/tags";
    private static final String BATCHES = "/api/v1/tag-batches";

    private static String storeA;
    private static String storeB;
    private static String staffA;

    @BeforeAll
    static void register() throws Exception {
        storeA = server.createStore("Tags A");
        storeB = server.createStore("Tags B");
        staffA = server.staffToken(storeA);
    }

    @Test
    void createsATagWithItsOwnKeysAndNeverAnswersWithThem() throws Exception {
        String meta = key();
        String file = key();
        String uid = uid();

        HttpResponse<String> created = server.post(TAGS, staffA, "{\"uid\":\"" + uid.toLowerCase(Locale.ROOT) + "\",\"gtin\":\"4006381333931\",\"storeId\":\""
                + storeA + "\",\"sdm\":{\"metaReadKey\":\"" + meta + "\",\"fileReadKey\":\"" + file + "\"}}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = ApiServer.field(created.body(), "id");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/tags/" + id);
        assertThat(created.body())
                .contains("\"uid\":\"" + uid + "\"", "\"gtin\":\"04006381333931\"", "\"storeId\":\"" + storeA + "\"", "\"batchId\":null",
                        "\"sdm\":{\"keys\":\"per-tag\"}", "\"lastCounter\":null", "\"createdAt\":\"")
                .doesNotContain(meta).doesNotContain(file).doesNotContain("metaReadKey").doesNotContain("fileReadKey").doesNotContain("v1:");
        HttpResponse<String> read = server.get(TAGS + "/" + id, staffA);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(created.body());
        assertThat(server.get(TAGS + "?size=200", ApiServer.ADMIN).body()).contains(id).doesNotContain(meta).doesNotContain(file);
        assertThat(server.get("/api/v1/audit?size=200", ApiServer.ADMIN).body()).contains("tag/" + id).doesNotContain(meta).doesNotContain(file);
    }

    @Test
    void createsABatchAndATagThatTakesItsKeys() throws Exception {
        String meta = key();
        String master = key();
        HttpResponse<String> batch = server.post(BATCHES, staffA, "{\"name\":\"Run 7\",\"storeId\":\"" + storeA + "\",\"sdm\":{\"metaReadKey\":\""
                + meta + "\",\"fileReadMasterKey\":\"" + master + "\"},\"systemIdentifier\":\"4e585020416275\"}");
        assertThat(batch.statusCode()).as(batch.body()).isEqualTo(201);
        String batchId = ApiServer.field(batch.body(), "id");
        assertThat(batch.headers().firstValue("Location")).hasValue("/api/v1/tag-batches/" + batchId);
        assertThat(batch.body()).contains("\"name\":\"Run 7\"", "\"storeId\":\"" + storeA + "\"", "\"systemIdentifier\":\"4E585020416275\"",
                "\"sdm\":{\"fileReadKeys\":\"an10922-aes128\"}").doesNotContain(meta).doesNotContain(master);
        assertThat(server.get(BATCHES + "/" + batchId, staffA).body()).isEqualTo(batch.body());
        assertThat(server.get(BATCHES, staffA).body()).contains(batchId).doesNotContain(meta).doesNotContain(master);

        String uid = uid();
        HttpResponse<String> tag = server.post(TAGS, staffA, "{\"uid\":\"" + uid + "\",\"storeId\":\"" + storeA + "\",\"batchId\":\"" + batchId + "\"}");

        assertThat(tag.statusCode()).as(tag.body()).isEqualTo(201);
        assertThat(tag.body()).contains("\"batchId\":\"" + batchId + "\"", "\"sdm\":{\"keys\":\"batch\"}", "\"gtin\":null");
    }

    @Test
    void anAdminRegistersAProductTagWithoutStoreOrKeys() throws Exception {
        HttpResponse<String> created = server.post(TAGS, ApiServer.ADMIN, "{\"gtin\":\"09506000134352\"}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"uid\":null", "\"storeId\":null", "\"sdm\":{\"keys\":\"none\"}");
        String id = ApiServer.field(created.body(), "id");
        assertThat(server.get(TAGS + "/" + id, ApiServer.ADMIN).statusCode()).isEqualTo(200);
        assertThat(server.get(TAGS + "/" + id, staffA).statusCode()).as("a product tag is not a store's").isEqualTo(404);
    }

    @Test
    void theSameUidTwiceIs409() throws Exception {
        String uid = uid();
        assertThat(server.post(TAGS, ApiServer.ADMIN, ownKeys(uid, storeA)).statusCode()).isEqualTo(201);

        HttpResponse<String> again = server.post(TAGS, ApiServer.ADMIN, ownKeys(uid.toLowerCase(Locale.ROOT), storeB));

        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(again.body()).contains("a tag with uid " + uid + " is already registered");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "no uid or gtin     | {\"sdm\":{\"metaReadKey\":\"00112233445566778899aabbccddeeff\",\"fileReadKey\":\"00112233445566778899aabbccddeeff\"}} | uid | uid: a tag needs a uid, a gtin or both",
        "short uid          | {\"uid\":\"04782E21801D\"}                                  | uid              | uid: must be 14 hex digits (a 7-byte NFC tag UID), got '04782E21801D'",
        "bad gtin length    | {\"gtin\":\"1234567\"}                                      | gtin             | gtin: must be a GTIN of 8, 12, 13 or 14 digits, got '1234567'",
        "bad check digit    | {\"gtin\":\"4006381333932\"}                                | gtin             | gtin: '4006381333932' has a wrong check digit: it should end in 1",
        "short meta key     | {\"gtin\":\"4006381333931\",\"sdm\":{\"metaReadKey\":\"0011\",\"fileReadKey\":\"00112233445566778899aabbccddeeff\"}} | sdm.metaReadKey | sdm.metaReadKey: must be 32 hex digits (an AES-128 key), got 4 characters",
        "non-hex file key   | {\"gtin\":\"4006381333931\",\"sdm\":{\"metaReadKey\":\"00112233445566778899aabbccddeeff\",\"fileReadKey\":\"00112233445566778899aabbccddeexx\"}} | sdm.fileReadKey | sdm.fileReadKey: must be 32 hex digits (an AES-128 key), got a character that is not a hex digit",
        "missing file key   | {\"gtin\":\"4006381333931\",\"sdm\":{\"metaReadKey\":\"00112233445566778899aabbccddeeff\"}} | sdm.fileReadKey | sdm.fileReadKey: is required",
        "sdm and batch      | {\"uid\":\"04AA0000000001\",\"sdm\":{\"metaReadKey\":\"00112233445566778899aabbccddeeff\",\"fileReadKey\":\"00112233445566778899aabbccddeeff\"},\"batchId\":\"b\"} | batchId | batchId: a tag takes its keys either from sdm or from a batch, not both",
        "unknown batch      | {\"uid\":\"04AA0000000001\",\"batchId\":\"nope\"}             | batchId          | batchId: no tag batch nope",
        "unknown store      | {\"gtin\":\"4006381333931\",\"storeId\":\"00000000-0000-0000-0000-000000000000\"} | storeId | storeId: no store 00000000-0000-0000-0000-000000000000",
    })
    void invalidTagIs422NamingTheField(String caseName, String body, String field, String detailStart) throws Exception {
        HttpResponse<String> response = server.post(TAGS, ApiServer.ADMIN, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"field\":\"" + field + "\"", "\"detail\":\"" + detailStart)
                .doesNotContain("00112233445566778899aabbccddeeff");
    }

    @Test
    void aBatchTagWithoutUidIs422NamingTheUid() throws Exception {
        String batchId = ApiServer.field(server.post(BATCHES, ApiServer.ADMIN, batch(null)).body(), "id");

        HttpResponse<String> response = server.post(TAGS, ApiServer.ADMIN, "{\"gtin\":\"4006381333931\",\"batchId\":\"" + batchId + "\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.body()).contains("\"field\":\"uid\"", "diversified from the UID");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "no name        | {\"sdm\":{\"metaReadKey\":\"00112233445566778899aabbccddeeff\",\"fileReadMasterKey\":\"00112233445566778899aabbccddeeff\"}} | name | name: is required",
        "no keys        | {\"name\":\"Run\"}                                          | sdm                   | sdm: is required",
        "short master   | {\"name\":\"Run\",\"sdm\":{\"metaReadKey\":\"00112233445566778899aabbccddeeff\",\"fileReadMasterKey\":\"00\"}} | sdm.fileReadMasterKey | sdm.fileReadMasterKey: must be 32 hex digits (an AES-128 key), got 2 characters",
        "long system id | {\"name\":\"Run\",\"sdm\":{\"metaReadKey\":\"00112233445566778899aabbccddeeff\",\"fileReadMasterKey\":\"00112233445566778899aabbccddeeff\"},\"systemIdentifier\":\"00112233445566778899aabbccddeeff0011223344556677889900\"} | systemIdentifier | systemIdentifier: must be 1 to 24 bytes in hex",
    })
    void invalidBatchIs422NamingTheField(String caseName, String body, String field, String detailStart) throws Exception {
        HttpResponse<String> response = server.post(BATCHES, ApiServer.ADMIN, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.body()).contains("\"field\":\"" + field + "\"", "\"detail\":\"" + detailStart);
    }

    @Test
    void staffCannotCreateATagOrBatchInAnotherStoreOrWithoutStore() throws Exception {
        HttpResponse<String> otherStore = server.post(TAGS, staffA, ownKeys(uid(), storeB));
        HttpResponse<String> noStore = server.post(TAGS, staffA, "{\"gtin\":\"4006381333931\"}");
        HttpResponse<String> otherStoreBatch = server.post(BATCHES, staffA, batch(storeB));
        HttpResponse<String> noStoreBatch = server.post(BATCHES, staffA, batch(null));

        assertThat(otherStore.statusCode()).as(otherStore.body()).isEqualTo(403);
        assertThat(otherStore.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(noStore.statusCode()).as(noStore.body()).isEqualTo(403);
        assertThat(noStore.body()).contains("registering a tag without a store needs an admin token");
        assertThat(otherStoreBatch.statusCode()).isEqualTo(403);
        assertThat(noStoreBatch.statusCode()).isEqualTo(403);
    }

    @Test
    void staffCannotSeeTagsOrBatchesOfAnotherStore() throws Exception {
        String tagInB = ApiServer.field(server.post(TAGS, ApiServer.ADMIN, ownKeys(uid(), storeB)).body(), "id");
        String tagInA = ApiServer.field(server.post(TAGS, ApiServer.ADMIN, ownKeys(uid(), storeA)).body(), "id");
        String batchOfB = ApiServer.field(server.post(BATCHES, ApiServer.ADMIN, batch(storeB)).body(), "id");

        assertThat(server.get(TAGS + "/" + tagInB, staffA).statusCode()).isEqualTo(404);
        assertThat(server.get(BATCHES + "/" + batchOfB, staffA).statusCode()).isEqualTo(404);
        assertThat(server.get(TAGS + "?storeId=" + storeB, staffA).statusCode()).isEqualTo(404);
        String listed = server.get(TAGS + "?size=200", staffA).body();
        assertThat(listed).contains(tagInA).doesNotContain(tagInB).doesNotContain(storeB);
        assertThat(server.get(BATCHES + "?size=200", staffA).body()).doesNotContain(batchOfB);
        // and a staff token cannot use another store's batch for its own tag
        HttpResponse<String> borrowed = server.post(TAGS, staffA, "{\"uid\":\"" + uid() + "\",\"storeId\":\"" + storeA + "\",\"batchId\":\"" + batchOfB + "\"}");
        assertThat(borrowed.statusCode()).isEqualTo(422);
        assertThat(borrowed.body()).contains("\"field\":\"batchId\"");
    }

    @Test
    void adminsListEveryTagOrOneStoresInPages() throws Exception {
        String inB = ApiServer.field(server.post(TAGS, ApiServer.ADMIN, ownKeys(uid(), storeB)).body(), "id");

        HttpResponse<String> ofB = server.get(TAGS + "?storeId=" + storeB + "&size=200", ApiServer.ADMIN);
        HttpResponse<String> firstOfAll = server.get(TAGS + "?page=0&size=1", ApiServer.ADMIN);

        assertThat(ofB.statusCode()).isEqualTo(200);
        assertThat(ofB.body()).contains(inB).doesNotContain("\"storeId\":\"" + storeA + "\"");
        assertThat(firstOfAll.body()).contains("\"page\":0", "\"size\":1").containsPattern("\"total\":[1-9]");
        assertThat(server.get(TAGS + "?size=0", ApiServer.ADMIN).statusCode()).isEqualTo(422);
    }

    @Test
    void anUnknownTagOrBatchIs404() throws Exception {
        assertThat(server.get(TAGS + "/nope", ApiServer.ADMIN).statusCode()).isEqualTo(404);
        assertThat(server.get(BATCHES + "/nope", ApiServer.ADMIN).statusCode()).isEqualTo(404);
    }

    @Test
    void noTokenIs401() throws Exception {
        assertThat(server.send("GET", TAGS, java.util.Optional.empty(), java.util.Optional.empty()).statusCode()).isEqualTo(401);
        assertThat(server.send("POST", BATCHES, java.util.Optional.empty(), java.util.Optional.of(batch(null))).statusCode()).isEqualTo(401);
    }

    private static String ownKeys(String uid, String storeId) {
        return "{\"uid\":\"" + uid + "\",\"storeId\":\"" + storeId + "\",\"sdm\":{\"metaReadKey\":\"" + key() + "\",\"fileReadKey\":\"" + key() + "\"}}";
    }

    private static String batch(String storeId) {
        return "{\"name\":\"Run\"," + (storeId == null ? "" : "\"storeId\":\"" + storeId + "\",") + "\"sdm\":{\"metaReadKey\":\"" + key()
                + "\",\"fileReadMasterKey\":\"" + key() + "\"}}";
    }

    /** A UID no other call of this JVM uses, upper case. */
    static String uid() {
        return "04" + hex(6).toUpperCase(Locale.ROOT);
    }

    /** A random AES-128 key in lower-case hex. */
    static String key() {
        return hex(16);
    }

    private static String hex(int bytes) {
        StringBuilder text = new StringBuilder();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < bytes; i++) {
            text.append(String.format("%02x", random.nextInt(256)));
        }
        return text.toString();
    }
}
