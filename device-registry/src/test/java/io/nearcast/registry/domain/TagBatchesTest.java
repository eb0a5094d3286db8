package io.nearcast.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nearcast.kernel.domain.Caller;
import io.nearcast.kernel.domain.Forbidden;
import io.nearcast.kernel.domain.InvalidField;
import io.nearcast.kernel.domain.NotFound;
import io.nearcast.kernel.domain.PageRequest;
import io.nearcast.kernel.domain.Role;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tag key batches: keys sealed per batch and key, a system identifier that keeps AN10922's input within 31 bytes, the store rules of tags. */
class TagBatchesTest {

    private static final String META = "0102030405060708090a0b0c0d0e0f10";
    private static final String MASTER = "00112233445566778899AABBCCDDEEFF";

    private final InMemoryTagRegistry registry = new InMemoryTagRegistry();
    private final StoreId storeA = registry.store("A");
    private final StoreId storeB = registry.store("B");
    private final Caller admin = Caller.bootstrapAdmin();
    private final Caller staffA = new Caller("token:a", Role.STAFF, Set.of(storeA.value()));

    private static TagBatchFields batch(String name, StoreId store, String systemIdentifier) {
        return new TagBatchFields(name, store == null ? null : store.value(), new TagBatchFields.Sdm(META, MASTER), systemIdentifier);
    }

    @Test
    void sealsEachKeyForThisBatchAndKeepsTheSystemIdentifierInUpperCase() {
        TagBatch batch = registry.batches.create(staffA, batch(" Run 2026-05 ", storeA, "3042f54e585020416275"));

        assertThat(batch.name()).isEqualTo("Run 2026-05");
        assertThat(batch.storeId()).contains(storeA);
        assertThat(batch.systemIdentifier()).contains("3042F54E585020416275");
        assertThat(registry.box.open(batch.sealedMetaReadKey(), "tag-batch-sdm-meta-read-key:" + batch.id())).isEqualTo(HexFormat.of().parseHex(META));
        assertThat(registry.box.open(batch.sealedFileReadMasterKey(), "tag-batch-sdm-file-read-master-key:" + batch.id()))
                .isEqualTo(HexFormat.of().parseHex(MASTER));
        assertThat(registry.batchRepository.find(batch.id())).contains(batch);
        assertThat(batch.toString()).doesNotContain(batch.sealedMetaReadKey()).doesNotContain(batch.sealedFileReadMasterKey());
        assertThat(registry.auditRows).singleElement().satisfies(entry -> {
            assertThat(entry.resource()).isEqualTo("tag-batch/" + batch.id());
            assertThat(entry.summary()).isEqualTo("name=Run 2026-05, store=" + storeA + ", systemIdentifier=3042F54E585020416275");
        });
    }

    @Test
    void buildsTheDiversificationInputFromUidAndSystemIdentifier() {
        TagBatch with = registry.batches.create(admin, batch("With", null, "3042F54E585020416275"));
        TagBatch without = registry.batches.create(admin, batch("Without", null, "  "));

        assertThat(HexFormat.of().withUpperCase().formatHex(with.diversificationInput(new TagUid("04782E21801D80"))))
                .isEqualTo("04782E21801D803042F54E585020416275");
        assertThat(without.systemIdentifier()).isEmpty();
        assertThat(HexFormat.of().withUpperCase().formatHex(without.diversificationInput(new TagUid("04782E21801D80")))).isEqualTo("04782E21801D80");
    }

    @Test
    void acceptsASystemIdentifierThatFillsTheInputToThirtyOneBytes() {
        TagBatch batch = registry.batches.create(admin, batch("Full", null, "AB".repeat(24)));

        assertThat(batch.diversificationInput(new TagUid("04782E21801D80"))).hasSize(31);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "no name            | -    | " + META + " | " + MASTER + " | -     | name                  | is required",
        "short meta key     | Run  | 0102         | " + MASTER + " | -     | sdm.metaReadKey       | must be 32 hex digits (an AES-128 key), got 4 characters",
        "no master key      | Run  | " + META + " | -              | -     | sdm.fileReadMasterKey | is required (32 hex digits, an AES-128 key)",
        "odd system id      | Run  | " + META + " | " + MASTER + " | ABC   | systemIdentifier      | must be 1 to 24 bytes in hex",
        "long system id     | Run  | " + META + " | " + MASTER + " | " + "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF00" + " | systemIdentifier | must be 1 to 24 bytes in hex",
        "non-hex system id  | Run  | " + META + " | " + MASTER + " | NXPAbu | systemIdentifier     | must be 1 to 24 bytes in hex",
    })
    void namesTheFieldThatIsWrong(String caseName, String name, String meta, String master, String systemIdentifier, String field, String problem) {
        assertThatThrownBy(() -> registry.batches.create(admin, new TagBatchFields(name, storeA.value(), new TagBatchFields.Sdm(meta, master), systemIdentifier)))
                .isInstanceOfSatisfying(InvalidField.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.problem()).startsWith(problem);
                })
                .message().doesNotContain(META).doesNotContain(MASTER);
        assertThat(registry.batchRows).isEmpty();
    }

    @Test
    void needsItsKeys() {
        assertThatThrownBy(() -> registry.batches.create(admin, new TagBatchFields("Run", null, null, null)))
                .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field()).isEqualTo("sdm"));
    }

    @Test
    void staffRegisterBatchesOnlyForTheirStores() {
        assertThatThrownBy(() -> registry.batches.create(staffA, batch("Run", null, null)))
                .isInstanceOf(Forbidden.class).hasMessage("registering a tag batch without a store needs an admin token");
        assertThatThrownBy(() -> registry.batches.create(staffA, batch("Run", storeB, null)))
                .isInstanceOf(Forbidden.class).hasMessage("this token may not register a tag batch in store " + storeB);
        assertThat(registry.batchRows).isEmpty();
    }

    @Test
    void staffSeeOnlyTheBatchesOfTheirStoresAdminsSeeAll() {
        TagBatch ofA = registry.batches.create(admin, batch("A", storeA, null));
        TagBatch ofB = registry.batches.create(admin, batch("B", storeB, null));
        TagBatch storeless = registry.batches.create(admin, batch("Vendor", null, null));

        assertThat(registry.batches.get(staffA, ofA.id())).isEqualTo(ofA);
        assertThatThrownBy(() -> registry.batches.get(staffA, ofB.id())).isInstanceOf(NotFound.class).hasMessage("tag batch " + ofB.id() + " not found");
        assertThatThrownBy(() -> registry.batches.get(staffA, storeless.id())).isInstanceOf(NotFound.class);
        assertThat(registry.batches.list(staffA, null, PageRequest.first()).items()).containsExactly(ofA);
        assertThatThrownBy(() -> registry.batches.list(staffA, storeB.value(), PageRequest.first())).isInstanceOf(NotFound.class);
        assertThat(registry.batches.list(admin, null, PageRequest.first()).items()).containsExactly(ofA, ofB, storeless);
        assertThat(registry.batches.list(admin, storeB.value(), PageRequest.first()).items()).containsExactly(ofB);
        assertThat(registry.batches.get(admin, storeless.id())).isEqualTo(storeless);
    }
}
