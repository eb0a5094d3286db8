package io.nearcast.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Beacons over HTTP: the four kinds, 409 for an identifier registered twice, CSV with line-numbered errors, EID keys sealed. */
@Timeout(120)
class BeaconApiTest {

    @RegisterExtension
    static final ApiServer server = new ApiServer();

    private static String store;

    @BeforeAll
    static void register() throws Exception {
        store = server.createStore("Beacons");
    }

    private static String beacons() {
        return "/api/v1/stores/" + store + "/beacons";
    }

    @Test
    void registersEachKindAndReadsItBack() throws Exception {
        String zone = server.createZone(store);
        String[] bodies = {
            "{\"kind\":\"ibeacon\",\"uuid\":\"" + UUID.randomUUID() + "\",\"major\":7,\"minor\":65535,\"txPower\":-59,\"zoneId\":\"" + zone + "\",\"position\":{\"lat\":52.52,\"lon\":13.405}}",
            "{\"kind\":\"altbeacon\",\"id1\":\"" + hex(16) + "\",\"id2\":1,\"id3\":2}",
            "{\"kind\":\"eddystone-uid\",\"namespace\":\"" + hex(10) + "\",\"instance\":\"" + hex(6) + "\",\"txPower\":-20}",
            "{\"kind\":\"eddystone-eid\",\"identityKey\":\"" + hex(16) + "\",\"rotationExponent\":10}",
        };
        for (String body : bodies) {
            HttpResponse<String> created = server.post(beacons(), ApiServer.ADMIN, body);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = ApiServer.field(created.body(), "id");
            HttpResponse<String> read = server.get(beacons() + "/" + id, ApiServer.ADMIN);
            assertThat(read.body()).isEqualTo(created.body());
        }
    }

    @Test
    void theSameIdentifierTwiceIs409() throws Exception {
        String body = "{\"kind\":\"ibeacon\",\"uuid\":\"" + UUID.randomUUID() + "\",\"major\":1,\"minor\":1}";
        assertThat(server.post(beacons(), ApiServer.ADMIN, body).statusCode()).isEqualTo(201);

        String other = server.createStore("Other");
        HttpResponse<String> again = server.post("/api/v1/stores/" + other + "/beacons", ApiServer.ADMIN, body);

        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(again.body()).contains("already registered: ibeacon:");
    }

    @Test
    void anEidIdentityKeyIsWriteOnlyAndSealedAtRest() throws Exception {
        String key = hex(16);
        HttpResponse<String> created = server.post(beacons(), ApiServer.ADMIN, "{\"kind\":\"eddystone-eid\",\"identityKey\":\"" + key + "\",\"rotationExponent\":4}");
        assertThat(created.statusCode()).isEqualTo(201);

        assertThat(created.body()).doesNotContain(key).doesNotContain("identityKey");
        assertThat(server.get(beacons(), ApiServer.ADMIN).body()).doesNotContain(key);
        assertThat(DatabaseScan.cellsContaining(server.runtime().database().dataSource(), key)).isEmpty();
        assertThat(DatabaseScan.cellsContaining(server.runtime().database().dataSource(), key.toUpperCase(Locale.ROOT))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "no kind        | {\"uuid\":\"x\"}                                                         | kind             | kind: is required",
        "unknown kind   | {\"kind\":\"ble\"}                                                      | kind             | kind: 'ble' is not a beacon kind",
        "bad uuid       | {\"kind\":\"ibeacon\",\"uuid\":\"nope\",\"major\":1,\"minor\":1}         | uuid             | uuid: 'nope' is not a UUID",
        "major range    | {\"kind\":\"ibeacon\",\"uuid\":\"6f2b6c1e-7a43-4d1e-9d1a-6a1f0b7c2d3e\",\"major\":70000,\"minor\":1} | major | major: must be between 0 and 65535, got 70000",
        "short key      | {\"kind\":\"eddystone-eid\",\"identityKey\":\"abcd\",\"rotationExponent\":3} | identityKey   | identityKey: must be 32 hex digits (16 bytes), got 4 characters",
        "rotation range | {\"kind\":\"eddystone-eid\",\"identityKey\":\"00112233445566778899aabbccddeeff\",\"rotationExponent\":16} | rotationExponent | rotationExponent: must be between 0 and 15, got 16",
        "tx power       | {\"kind\":\"eddystone-uid\",\"namespace\":\"00112233445566778899\",\"instance\":\"aabbccddeeff\",\"txPower\":99} | txPower | txPower: must be between -100 and 20 dBm, got 99",
        "unknown zone   | {\"kind\":\"eddystone-uid\",\"namespace\":\"00112233445566778899\",\"instance\":\"aabbccddeef0\",\"zoneId\":\"nope\"} | zoneId | zoneId: no zone nope in this store",
    })
    void invalidBeaconIs422NamingTheField(String caseName, String body, String field, String detailStart) throws Exception {
        HttpResponse<String> response = server.post(beacons(), ApiServer.ADMIN, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.body()).contains("\"field\":\"" + field + "\"", "\"detail\":\"" + detailStart);
    }

    @Test
    void csvImportRegistersEveryLine() throws Exception {
        String csv = "kind,uuid,major,minor,txPower\n"
                + "ibeacon," + UUID.randomUUID() + ",1,1,-59\n"
                + "\n"
                + "ibeacon," + UUID.randomUUID() + ",1,2,\n";

        HttpResponse<String> response = server.postCsv(beacons() + ":import", ApiServer.ADMIN, csv);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.body()).contains("\"imported\":2");
    }

    @Test
    void csvImportNamesEveryBadLineAndImportsNothing() throws Exception {
        String good = UUID.randomUUID().toString();
        String csv = "kind,uuid,major,minor\n"
                + "ibeacon," + good + ",1,1\n"
                + "ibeacon," + UUID.randomUUID() + ",99999,1\n"
                + "ibeacon,not-a-uuid,1,1\n"
                + "ibeacon," + UUID.randomUUID() + ",one,1\n";

        HttpResponse<String> response = server.postCsv(beacons() + ":import", ApiServer.ADMIN, csv);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.body()).contains("\"field\":\"line 3: major\"", "\"field\":\"line 4: uuid\"", "\"field\":\"line 5: major\"");
        assertThat(server.get(beacons() + "?size=200", ApiServer.ADMIN).body()).doesNotContain(good);
    }

    @Test
    void csvWithAnUnknownColumnOrWrongValueCountIsRefusedWithItsLine() throws Exception {
        HttpResponse<String> column = server.postCsv(beacons() + ":import", ApiServer.ADMIN, "kind,colour\nibeacon,red\n");
        HttpResponse<String> count = server.postCsv(beacons() + ":import", ApiServer.ADMIN, "kind,uuid,major,minor\nibeacon,1\n");

        assertThat(column.statusCode()).isEqualTo(422);
        assertThat(column.body()).contains("\"field\":\"line 1\"", "unknown column 'colour'");
        assertThat(count.body()).contains("line 2", "has 2 values, the header has 4");
    }

    private static String hex(int bytes) {
        StringBuilder text = new StringBuilder();
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < bytes; i++) {
            text.append(String.format("%02x", random.nextInt(256)));
        }
        return text.toString();
    }
}
