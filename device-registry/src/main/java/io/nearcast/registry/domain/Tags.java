package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.Caller;
import io.nearcast.kernel.domain.Conflict;
import io.nearcast.kernel.domain.Forbidden;
import io.nearcast.kernel.domain.InvalidField;
import io.nearcast.kernel.domain.NotFound;
import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import io.nearcast.kernel.domain.SecretBox;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Registering and reading NFC tags. Staff register and see the tags of their stores; tags without
 * a store (product tags, valid in every store) are the administrators'. A tag's SDM keys are
 * write-only: sealed before they are stored, and never part of a {@link Tag}'s readable fields.
 */
public final class Tags {

    private final TagRepository repository;
    private final TagBatchRepository batches;
    private final StoreScope scope;
    private final AuditLog audit;
    private final SecretBox box;
    private final Clock clock;

    public Tags(TagRepository repository, TagBatchRepository batches, Stores stores, AuditLog audit, SecretBox box, Clock clock) {
        this.repository = repository;
        this.batches = batches;
        this.scope = new StoreScope(stores);
        this.audit = audit;
        this.box = box;
        this.clock = clock;
    }

    /**
     * @throws Forbidden    for a store outside a staff caller's scope, or no store and a staff caller
     * @throws InvalidField naming the field ({@code uid}, {@code gtin}, {@code storeId}, {@code sdm.metaReadKey},
     *                      {@code sdm.fileReadKey} or {@code batchId})
     * @throws Conflict     when a tag with the same UID is registered
     */
    public Tag create(Caller caller, TagFields fields) {
        Optional<StoreId> storeId = scope.forNew(caller, fields.storeId(), "a tag");
        Optional<TagUid> uid = fields.checkedUid();
        Optional<Gtin> gtin = fields.checkedGtin();
        if (uid.isEmpty() && gtin.isEmpty()) {
            throw new InvalidField("uid", "a tag needs a uid, a gtin or both");
        }
        String id = UUID.randomUUID().toString();
        SdmKeySource keys = keySource(caller, id, storeId, uid, fields);
        Tag tag = new Tag(id, uid, gtin, storeId, keys, OptionalInt.empty(), clock.instant());
        if (!repository.insert(tag)) {
            throw new Conflict("a tag with uid " + uid.orElseThrow() + " is already registered");
        }
        audit.record(new AuditEntry(clock.instant(), caller.actor(), "create", "tag/" + id, summary(tag)));
        return tag;
    }

    /** @throws NotFound for an unknown tag or one the caller may not see */
    public Tag get(Caller caller, String tagId) {
        return repository.find(tagId)
                .filter(tag -> StoreScope.mayRead(caller, tag.storeId()))
                .orElseThrow(() -> new NotFound("tag " + tagId));
    }

    /**
     * Removes a tag and its sealed keys; its printed URLs stop verifying.
     *
     * @throws NotFound also for a tag the caller may not see
     */
    public void delete(Caller caller, String tagId) {
        Tag tag = get(caller, tagId);
        Deletions.require(repository.delete(tag.id()), "tag " + tag.id(), "other records still refer to it");
        audit.record(new AuditEntry(clock.instant(), caller.actor(), "delete", "tag/" + tag.id(), tag.uid().map(uid -> "uid=" + uid).orElse("no uid")));
    }

    /**
     * The tags the caller may see, oldest first: of one store when {@code storeId} is given, else
     * every tag (administrators) or the tags of the caller's stores (staff).
     *
     * @throws NotFound for a {@code storeId} that is unknown or outside the caller's scope
     */
    public Page<Tag> list(Caller caller, String storeId, PageRequest request) {
        if (storeId != null && !storeId.isBlank()) {
            return repository.listAmong(List.of(scope.readable(caller, storeId)), request);
        }
        if (caller.isAdmin()) {
            return repository.list(request);
        }
        return repository.listAmong(caller.storeIds().stream().map(StoreId::parse).flatMap(Optional::stream).toList(), request);
    }

    private SdmKeySource keySource(Caller caller, String tagId, Optional<StoreId> storeId, Optional<TagUid> uid, TagFields fields) {
        Optional<String> batchId = fields.checkedBatchId();
        if (fields.sdm() != null && batchId.isPresent()) {
            throw new InvalidField("batchId", "a tag takes its keys either from sdm or from a batch, not both");
        }
        if (fields.sdm() != null) {
            return ownKeys(tagId, fields.sdm());
        }
        if (batchId.isPresent()) {
            return batchKeys(caller, storeId, uid, batchId.get());
        }
        return new SdmKeySource.None();
    }

    private SdmKeySource.PerTag ownKeys(String tagId, TagFields.Sdm sdm) {
        byte[] metaReadKey = SdmKeyText.aes128Key("sdm.metaReadKey", sdm.metaReadKey());
        byte[] fileReadKey = SdmKeyText.aes128Key("sdm.fileReadKey", sdm.fileReadKey());
        try {
            return new SdmKeySource.PerTag(box.seal(metaReadKey, SdmKeySource.PerTag.metaReadKeyPurpose(tagId)),
                    box.seal(fileReadKey, SdmKeySource.PerTag.fileReadKeyPurpose(tagId)));
        } finally {
            Arrays.fill(metaReadKey, (byte) 0);
            Arrays.fill(fileReadKey, (byte) 0);
        }
    }

    /** A batch the caller may see, of the tag's store or of none. */
    private SdmKeySource.Batch batchKeys(Caller caller, Optional<StoreId> storeId, Optional<TagUid> uid, String batchId) {
        TagBatch batch = batches.find(batchId)
                .filter(b -> StoreScope.mayRead(caller, b.storeId()))
                .orElseThrow(() -> new InvalidField("batchId", "no tag batch " + Names.printable(batchId)));
        if (batch.storeId().isPresent() && !batch.storeId().equals(storeId)) {
            throw new InvalidField("batchId", "tag batch " + batch.id() + " belongs to store " + batch.storeId().get()
                    + "; its tags must be registered in that store");
        }
        if (uid.isEmpty()) {
            throw new InvalidField("uid", "is required for a tag with batch keys: its file-read key is diversified from the UID");
        }
        return new SdmKeySource.Batch(batch.id());
    }

    /** No keys, sealed or not. */
    private static String summary(Tag tag) {
        return "uid=" + tag.uid().map(TagUid::hex).orElse("-") + ", gtin=" + tag.gtin().map(Gtin::digits).orElse("-")
                + ", store=" + tag.storeId().map(StoreId::value).orElse("-") + ", keys=" + tag.keys().kind()
                + tag.batchId().map(b -> " " + b).orElse("");
    }
}
