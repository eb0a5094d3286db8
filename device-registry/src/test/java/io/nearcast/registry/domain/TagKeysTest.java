package io.nearcast.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nearcast.kernel.domain.Caller;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The touchpoint's view of tag keys: in clear, diversified for batch tags, and the meta-read keys to try on encrypted PICC data. */
class TagKeysTest {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final String META = "0102030405060708090A0B0C0D0E0F10";
    private static final String OTHER_META = "A0A1A2A3A4A5A6A7A8A9AAABACADAEAF";
    private static final String FILE = "F0F1F2F3F4F5F6F7F8F9FAFBFCFDFEFF";
    // AN10922 table 2
    private static final String MASTER = "00112233445566778899AABBCCDDEEFF";
    private static final String UID = "04782E21801D80";

    private final InMemoryTagRegistry registry = new InMemoryTagRegistry();
    private final StoreId store = registry.store("A");
    private final Caller admin = Caller.bootstrapAdmin();

    private Tag ownKeys(String uid, String meta) {
        return registry.tags.create(admin, new TagFields(uid, uid == null ? "4006381333931" : null, store.value(), new TagFields.Sdm(meta, FILE), null));
    }

    private TagBatch batch(String meta, String systemIdentifier) {
        return registry.batches.create(admin, new TagBatchFields("Run", store.value(), new TagBatchFields.Sdm(meta, MASTER), systemIdentifier));
    }

    @Test
    void givesATagsOwnKeysInClear() {
        Tag tag = ownKeys(UID, META);

        SdmKeys keys = registry.keys.keysOf(tag).orElseThrow();

        assertThat(HEX.formatHex(keys.metaReadKey())).isEqualTo(META);
        assertThat(HEX.formatHex(keys.fileReadKey())).isEqualTo(FILE);
        assertThat(keys.toString()).doesNotContain(META).doesNotContain(FILE).doesNotContain(META.toLowerCase());
    }

    @Test
    void diversifiesTheFileReadKeyOfABatchTagFromItsUidAndTheSystemIdentifier() {
        // AN10922's example: M = UID || AID 3042F5 || "NXP Abu", here the AID is part of the system identifier
        TagBatch batch = batch(META, "3042F54E585020416275");
        Tag tag = registry.tags.create(admin, new TagFields(UID, null, store.value(), null, batch.id()));

        SdmKeys keys = registry.keys.keysOf(tag).orElseThrow();

        assertThat(HEX.formatHex(keys.fileReadKey())).isEqualTo("A8DD63A3B89D54B37CA802473FDA9175");
        assertThat(HEX.formatHex(keys.metaReadKey())).as("shared by the batch").isEqualTo(META);
    }

    @Test
    void diversifiesFromTheUidAloneWithoutSystemIdentifierAndDifferentlyPerTag() {
        TagBatch batch = batch(META, null);
        Tag first = registry.tags.create(admin, new TagFields(UID, null, store.value(), null, batch.id()));
        Tag second = registry.tags.create(admin, new TagFields("04782E21801D81", null, store.value(), null, batch.id()));

        byte[] firstKey = registry.keys.keysOf(first).orElseThrow().fileReadKey();

        assertThat(firstKey).isEqualTo(KeyDiversification.an10922Aes128(HEX.parseHex(MASTER), HEX.parseHex(UID)));
        assertThat(registry.keys.keysOf(second).orElseThrow().fileReadKey()).isNotEqualTo(firstKey);
        assertThat(registry.keys.keysOf(second).orElseThrow().metaReadKey()).isEqualTo(HEX.parseHex(META));
    }

    @Test
    void aTagWithoutKeysHasNone() {
        Tag tag = registry.tags.create(admin, new TagFields(UID, null, store.value(), null, null));

        assertThat(registry.keys.keysOf(tag)).isEmpty();
    }

    @Test
    void findsATagByUid() {
        Tag tag = ownKeys(UID, META);

        assertThat(registry.keys.tagWithUid(new TagUid(UID))).contains(tag);
        assertThat(registry.keys.tagWithUid(new TagUid("04000000000000"))).isEmpty();
    }

    @Test
    void listsEachDistinctMetaReadKeyOnceBatchesFirst() {
        ownKeys("04000000000001", OTHER_META);
        ownKeys("04000000000002", META);
        Tag uidless = ownKeys(null, META);
        batch(META, null);
        batch(META, "AB");
        registry.tags.create(admin, new TagFields("04000000000003", null, store.value(), null, null));

        List<MetaReadKeyCandidate> candidates = registry.keys.metaReadKeyCandidates();

        assertThat(candidates).extracting(c -> HEX.formatHex(c.key())).containsExactly(META, OTHER_META);
        assertThat(candidates.get(0).tagsWithoutUid()).containsExactly(uidless.id());
        assertThat(candidates.get(1).tagsWithoutUid()).isEmpty();
        assertThat(candidates.get(0).toString()).doesNotContain(META).doesNotContain(META.toLowerCase()).contains("***");
    }

    @Test
    void listsNoCandidatesForAnEmptyRegistry() {
        assertThat(registry.keys.metaReadKeyCandidates()).isEmpty();
    }

    @Test
    void identifiesTheTagWithTheDecryptedUidWhenItHasTheCandidatesKey() {
        TagBatch batch = batch(META, null);
        Tag batchTag = registry.tags.create(admin, new TagFields(UID, null, store.value(), null, batch.id()));
        Tag own = ownKeys("04000000000001", OTHER_META);
        MetaReadKeyCandidate batchKey = candidate(META);
        MetaReadKeyCandidate otherKey = candidate(OTHER_META);

        assertThat(registry.keys.identify(batchKey, new TagUid(UID))).contains(batchTag);
        assertThat(registry.keys.identify(otherKey, new TagUid("04000000000001"))).contains(own);
        // a key that happened to "decrypt" to a registered UID of a tag with another key
        assertThat(registry.keys.identify(otherKey, new TagUid(UID))).isEmpty();
        assertThat(registry.keys.identify(batchKey, new TagUid("04000000000009"))).isEmpty();
    }

    @Test
    void identifiesTheOnlyTagWithoutUidThatHasTheKeyAndNoneWhenSeveralDo() {
        Tag uidless = ownKeys(null, META);

        assertThat(registry.keys.identify(candidate(META), new TagUid("04000000000009"))).contains(uidless);

        ownKeys(null, META);
        assertThat(registry.keys.identify(candidate(META), new TagUid("04000000000009"))).isEmpty();
    }

    @Test
    void keysAreCopiedInAndOut() {
        byte[] meta = HEX.parseHex(META);
        SdmKeys keys = new SdmKeys(meta, HEX.parseHex(FILE));
        meta[0] = 0;
        keys.metaReadKey()[1] = 0;

        assertThat(HEX.formatHex(keys.metaReadKey())).isEqualTo(META);
        assertThat(keys).isEqualTo(new SdmKeys(HEX.parseHex(META), HEX.parseHex(FILE))).isNotEqualTo(new SdmKeys(HEX.parseHex(OTHER_META), HEX.parseHex(FILE)));
        assertThatThrownBy(() -> new SdmKeys(new byte[15], HEX.parseHex(FILE))).isInstanceOf(IllegalArgumentException.class);
    }

    private MetaReadKeyCandidate candidate(String key) {
        Optional<MetaReadKeyCandidate> found = registry.keys.metaReadKeyCandidates().stream()
                .filter(c -> HEX.formatHex(c.key()).equals(key)).findFirst();
        return found.orElseThrow();
    }
}
