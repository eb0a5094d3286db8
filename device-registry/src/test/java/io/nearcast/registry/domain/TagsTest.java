package io.nearcast.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nearcast.kernel.domain.Caller;
import io.nearcast.kernel.domain.Conflict;
import io.nearcast.kernel.domain.Forbidden;
import io.nearcast.kernel.domain.InvalidField;
import io.nearcast.kernel.domain.NotFound;
import io.nearcast.kernel.domain.PageRequest;
import io.nearcast.kernel.domain.Role;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Registering and reading NFC tags: validation naming each field, the store rules, and keys that only go in. */
class TagsTest {

    private static final String META = "00112233445566778899aabbccddeeff";
    private static final String FILE = "ffeeddccbbaa99887766554433221100";

    private final InMemoryTagRegistry registry = new InMemoryTagRegistry();
    private final StoreId storeA = registry.store("A");
    private final StoreId storeB = registry.store("B");
    private final Caller admin = Caller.bootstrapAdmin();
    private final Caller staffA = new Caller("token:a", Role.STAFF, Set.of(storeA.value()));

    private static TagFields withOwnKeys(String uid, String gtin, StoreId store) {
        return new TagFields(uid, gtin, store == null ? null : store.value(), new TagFields.Sdm(META, FILE), null);
    }

    @Test
    void registersATagWithItsOwnKeysNormalisedAndSealedForThisTagOnly() {
        Tag tag = registry.tags.create(staffA, withOwnKeys("04782e21801d80", "4006381333931", storeA));

        assertThat(tag.uid()).contains(new TagUid("04782E21801D80"));
        assertThat(tag.gtin()).contains(new Gtin("04006381333931"));
        assertThat(tag.storeId()).contains(storeA);
        assertThat(tag.lastCounter()).isEqualTo(OptionalInt.empty());
        assertThat(tag.createdAt()).isEqualTo(InMemoryTagRegistry.NOW);
        SdmKeySource.PerTag keys = (SdmKeySource.PerTag) tag.keys();
        assertThat(registry.box.open(keys.sealedMetaReadKey(), "tag-sdm-meta-read-key:" + tag.id())).isEqualTo(HexFormat.of().parseHex(META));
        assertThat(registry.box.open(keys.sealedFileReadKey(), "tag-sdm-file-read-key:" + tag.id())).isEqualTo(HexFormat.of().parseHex(FILE));
        assertThatThrownBy(() -> registry.box.open(keys.sealedFileReadKey(), "tag-sdm-meta-read-key:" + tag.id()))
                .as("sealed for one key of one tag").isInstanceOf(IllegalArgumentException.class);
        assertThat(registry.tagRepository.find(tag.id())).contains(tag);
    }

    @Test
    void writesAnAuditEntryWithoutKeys() {
        Tag tag = registry.tags.create(staffA, withOwnKeys("04782E21801D80", null, storeA));

        assertThat(registry.auditRows).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("token:a");
            assertThat(entry.action()).isEqualTo("create");
            assertThat(entry.resource()).isEqualTo("tag/" + tag.id());
            assertThat(entry.summary()).isEqualTo("uid=04782E21801D80, gtin=-, store=" + storeA + ", keys=per-tag");
        });
    }

    @Test
    void neitherATagNorItsFieldsPrintAKey() {
        TagFields fields = withOwnKeys("04782E21801D80", null, storeA);
        Tag tag = registry.tags.create(staffA, fields);

        assertThat(fields.toString()).doesNotContain(META).doesNotContain(FILE);
        assertThat(fields.sdm().toString()).doesNotContain(META);
        assertThat(tag.toString()).doesNotContain(((SdmKeySource.PerTag) tag.keys()).sealedMetaReadKey()).contains("***");
    }

    @Test
    void anAdminRegistersAProductTagWithoutStoreOrKeys() {
        Tag tag = registry.tags.create(admin, new TagFields(null, "96385074", null, null, null));

        assertThat(tag.storeId()).isEmpty();
        assertThat(tag.uid()).isEmpty();
        assertThat(tag.gtin()).contains(new Gtin("00000096385074"));
        assertThat(tag.keys()).isEqualTo(new SdmKeySource.None());
    }

    @Test
    void staffMayNotRegisterATagWithoutStore() {
        assertThatThrownBy(() -> registry.tags.create(staffA, withOwnKeys("04782E21801D80", null, null)))
                .isInstanceOf(Forbidden.class)
                .hasMessage("registering a tag without a store needs an admin token");
        assertThat(registry.tagRows).isEmpty();
    }

    @Test
    void staffMayNotRegisterATagInAnotherStore() {
        assertThatThrownBy(() -> registry.tags.create(staffA, withOwnKeys("04782E21801D80", null, storeB)))
                .isInstanceOf(Forbidden.class)
                .hasMessage("this token may not register a tag in store " + storeB);
    }

    @Test
    void anUnknownStoreIsNamed() {
        assertThatThrownBy(() -> registry.tags.create(admin, withOwnKeys("04782E21801D80", null, StoreId.random())))
                .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field()).isEqualTo("storeId"))
                .hasMessageStartingWith("storeId: no store ");
        assertThatThrownBy(() -> registry.tags.create(admin, new TagFields("04782E21801D80", null, "mitte", null, null)))
                .hasMessage("storeId: no store mitte");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "no uid or gtin     | -              | -             | " + META + " | " + FILE + " | uid             | a tag needs a uid, a gtin or both",
        "short uid          | 04782E21801D   | -             | " + META + " | " + FILE + " | uid             | must be 14 hex digits",
        "bad check digit    | -              | 4006381333932 | " + META + " | " + FILE + " | gtin            | '4006381333932' has a wrong check digit",
        "no meta-read key   | 04782E21801D80 | -             | -            | " + FILE + " | sdm.metaReadKey | is required (32 hex digits, an AES-128 key)",
        "short file key     | 04782E21801D80 | -             | " + META + " | abcd         | sdm.fileReadKey | must be 32 hex digits (an AES-128 key), got 4 characters",
        "non-hex meta key   | 04782E21801D80 | -             | 00112233445566778899aabbccddeefg | " + FILE + " | sdm.metaReadKey | must be 32 hex digits (an AES-128 key), got a character that is not a hex digit",
    })
    void namesTheFieldThatIsWrong(String caseName, String uid, String gtin, String meta, String file, String field, String problem) {
        assertThatThrownBy(() -> registry.tags.create(admin, new TagFields(uid, gtin, storeA.value(), new TagFields.Sdm(meta, file), null)))
                .isInstanceOfSatisfying(InvalidField.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.problem()).startsWith(problem);
                })
                .message().doesNotContain(META).doesNotContain(FILE);
        assertThat(registry.tagRows).isEmpty();
    }

    @Test
    void takesKeysFromSdmOrFromABatchNotBoth() {
        TagBatch batch = registry.batches.create(admin, new TagBatchFields("Run 1", storeA.value(), new TagBatchFields.Sdm(META, FILE), null));

        assertThatThrownBy(() -> registry.tags.create(admin, new TagFields("04782E21801D80", null, storeA.value(), new TagFields.Sdm(META, FILE), batch.id())))
                .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field()).isEqualTo("batchId"))
                .hasMessage("batchId: a tag takes its keys either from sdm or from a batch, not both");
    }

    @Test
    void registersABatchTag() {
        TagBatch batch = registry.batches.create(staffA, new TagBatchFields("Run 1", storeA.value(), new TagBatchFields.Sdm(META, FILE), null));

        Tag tag = registry.tags.create(staffA, new TagFields("04782E21801D80", null, storeA.value(), null, batch.id()));

        assertThat(tag.keys()).isEqualTo(new SdmKeySource.Batch(batch.id()));
        assertThat(tag.batchId()).contains(batch.id());
        assertThat(registry.auditRows.get(registry.auditRows.size() - 1).summary()).endsWith("keys=batch " + batch.id());
    }

    @Test
    void aBatchTagNeedsItsUid() {
        TagBatch batch = registry.batches.create(admin, new TagBatchFields("Run 1", null, new TagBatchFields.Sdm(META, FILE), null));

        assertThatThrownBy(() -> registry.tags.create(admin, new TagFields(null, "4006381333931", storeA.value(), null, batch.id())))
                .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field()).isEqualTo("uid"))
                .hasMessageContaining("its file-read key is diversified from the UID");
    }

    @Test
    void anUnknownOrInvisibleBatchIsNamed() {
        TagBatch storeless = registry.batches.create(admin, new TagBatchFields("Vendor run", null, new TagBatchFields.Sdm(META, FILE), null));
        TagBatch ofB = registry.batches.create(admin, new TagBatchFields("B run", storeB.value(), new TagBatchFields.Sdm(META, FILE), null));

        assertThatThrownBy(() -> registry.tags.create(admin, new TagFields("04782E21801D80", null, storeA.value(), null, "nope")))
                .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field()).isEqualTo("batchId"))
                .hasMessage("batchId: no tag batch nope");
        // staff see neither store-less batches nor other stores' batches
        assertThatThrownBy(() -> registry.tags.create(staffA, new TagFields("04782E21801D80", null, storeA.value(), null, storeless.id())))
                .hasMessage("batchId: no tag batch " + storeless.id());
        assertThatThrownBy(() -> registry.tags.create(staffA, new TagFields("04782E21801D80", null, storeA.value(), null, ofB.id())))
                .hasMessage("batchId: no tag batch " + ofB.id());
        // an admin may use a store-less batch anywhere, but a store's batch only in that store
        assertThatThrownBy(() -> registry.tags.create(admin, new TagFields("04782E21801D80", null, storeA.value(), null, ofB.id())))
                .hasMessage("batchId: tag batch " + ofB.id() + " belongs to store " + storeB + "; its tags must be registered in that store");
        assertThat(registry.tags.create(admin, new TagFields("04782E21801D80", null, storeA.value(), null, storeless.id())).batchId())
                .contains(storeless.id());
    }

    @Test
    void theSameUidTwiceIsAConflictWhateverItsCase() {
        registry.tags.create(staffA, withOwnKeys("04782E21801D80", null, storeA));

        assertThatThrownBy(() -> registry.tags.create(admin, withOwnKeys("04782e21801d80", "4006381333931", storeB)))
                .isInstanceOf(Conflict.class)
                .hasMessage("a tag with uid 04782E21801D80 is already registered");
        assertThat(registry.tagRows).hasSize(1);
        assertThat(registry.auditRows).hasSize(1);
    }

    @Test
    void theSameGtinOnManyTagsIsFine() {
        registry.tags.create(admin, new TagFields(null, "4006381333931", null, null, null));

        assertThat(registry.tags.create(admin, new TagFields(null, "4006381333931", storeA.value(), null, null)).gtin())
                .contains(new Gtin("04006381333931"));
    }

    @Test
    void staffSeeOnlyTheTagsOfTheirStores() {
        Tag inA = registry.tags.create(admin, withOwnKeys("04000000000001", null, storeA));
        Tag inB = registry.tags.create(admin, withOwnKeys("04000000000002", null, storeB));
        Tag everywhere = registry.tags.create(admin, new TagFields(null, "4006381333931", null, null, null));

        assertThat(registry.tags.get(staffA, inA.id())).isEqualTo(inA);
        assertThatThrownBy(() -> registry.tags.get(staffA, inB.id())).isInstanceOf(NotFound.class).hasMessage("tag " + inB.id() + " not found");
        assertThatThrownBy(() -> registry.tags.get(staffA, everywhere.id())).isInstanceOf(NotFound.class);
        assertThat(registry.tags.list(staffA, null, PageRequest.first()).items()).containsExactly(inA);
        assertThat(registry.tags.list(staffA, storeA.value(), PageRequest.first()).items()).containsExactly(inA);
        assertThatThrownBy(() -> registry.tags.list(staffA, storeB.value(), PageRequest.first())).isInstanceOf(NotFound.class);
    }

    @Test
    void adminsSeeEveryTagAndMayFilterByStore() {
        Tag inA = registry.tags.create(admin, withOwnKeys("04000000000001", null, storeA));
        Tag inB = registry.tags.create(admin, withOwnKeys("04000000000002", null, storeB));
        Tag everywhere = registry.tags.create(admin, new TagFields(null, "4006381333931", null, null, null));

        assertThat(registry.tags.get(admin, everywhere.id())).isEqualTo(everywhere);
        assertThat(registry.tags.list(admin, null, PageRequest.first()).items()).containsExactly(inA, inB, everywhere);
        assertThat(registry.tags.list(admin, " " + storeB.value() + " ", PageRequest.first()).items()).containsExactly(inB);
        assertThatThrownBy(() -> registry.tags.get(admin, "nope")).isInstanceOf(NotFound.class);
    }

    @Test
    void aCallerWithoutStoresListsNothing() {
        registry.tags.create(admin, withOwnKeys("04000000000001", null, storeA));
        Caller shopper = new Caller("shopper:1", Role.SHOPPER, Set.of());

        assertThat(registry.tags.list(shopper, null, PageRequest.first()).total()).isZero();
        assertThat(registry.tags.list(staffA, null, PageRequest.first()).items()).extracting(Tag::storeId).containsOnly(Optional.of(storeA));
    }
}
