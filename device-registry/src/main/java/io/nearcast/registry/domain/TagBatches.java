package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.Caller;
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
import java.util.UUID;

/**
 * Registering and reading tag key batches, with the store rules of {@link Tags}: staff register and
 * see their stores' batches, store-less batches are the administrators'. The keys are write-only.
 */
public final class TagBatches {

    static final int MAX_NAME = 200;

    private final TagBatchRepository repository;
    private final StoreScope scope;
    private final AuditLog audit;
    private final SecretBox box;
    private final Clock clock;

    public TagBatches(TagBatchRepository repository, Stores stores, AuditLog audit, SecretBox box, Clock clock) {
        this.repository = repository;
        this.scope = new StoreScope(stores);
        this.audit = audit;
        this.box = box;
        this.clock = clock;
    }

    /**
     * @throws Forbidden    for a store outside a staff caller's scope, or no store and a staff caller
     * @throws InvalidField naming the field ({@code name}, {@code storeId}, {@code sdm}, {@code sdm.metaReadKey},
     *                      {@code sdm.fileReadMasterKey} or {@code systemIdentifier})
     */
    public TagBatch create(Caller caller, TagBatchFields fields) {
        Optional<StoreId> storeId = scope.forNew(caller, fields.storeId(), "a tag batch");
        String name = Names.require("name", fields.name(), MAX_NAME);
        if (fields.sdm() == null) {
            throw new InvalidField("sdm", "is required: {\"metaReadKey\", \"fileReadMasterKey\"}");
        }
        byte[] metaReadKey = SdmKeyText.aes128Key("sdm.metaReadKey", fields.sdm().metaReadKey());
        byte[] masterKey = SdmKeyText.aes128Key("sdm.fileReadMasterKey", fields.sdm().fileReadMasterKey());
        Optional<String> systemIdentifier = fields.checkedSystemIdentifier();
        String id = UUID.randomUUID().toString();
        TagBatch batch;
        try {
            batch = new TagBatch(id, name, storeId, box.seal(metaReadKey, TagBatch.metaReadKeyPurpose(id)),
                    box.seal(masterKey, TagBatch.fileReadMasterKeyPurpose(id)), systemIdentifier, clock.instant());
        } finally {
            Arrays.fill(metaReadKey, (byte) 0);
            Arrays.fill(masterKey, (byte) 0);
        }
        repository.insert(batch);
        audit.record(new AuditEntry(clock.instant(), caller.actor(), "create", "tag-batch/" + id,
                "name=" + name + ", store=" + storeId.map(StoreId::value).orElse("-")
                        + ", systemIdentifier=" + systemIdentifier.orElse("-")));
        return batch;
    }

    /** @throws NotFound for an unknown batch or one the caller may not see */
    public TagBatch get(Caller caller, String batchId) {
        return repository.find(batchId)
                .filter(batch -> StoreScope.mayRead(caller, batch.storeId()))
                .orElseThrow(() -> new NotFound("tag batch " + batchId));
    }

    /**
     * Removes a batch and its sealed keys.
     *
     * @throws Conflict while tags take their keys from it
     * @throws NotFound also for a batch the caller may not see
     */
    public void delete(Caller caller, String batchId) {
        TagBatch batch = get(caller, batchId);
        Deletions.require(repository.delete(batch.id()), "tag batch " + batch.id(), "tags still take their keys from it; delete them first");
        audit.record(new AuditEntry(clock.instant(), caller.actor(), "delete", "tag-batch/" + batch.id(), "name=" + batch.name()));
    }

    /**
     * The batches the caller may see, oldest first: of one store when {@code storeId} is given,
     * else every batch (administrators) or the batches of the caller's stores (staff).
     *
     * @throws NotFound for a {@code storeId} that is unknown or outside the caller's scope
     */
    public Page<TagBatch> list(Caller caller, String storeId, PageRequest request) {
        if (storeId != null && !storeId.isBlank()) {
            return repository.listAmong(List.of(scope.readable(caller, storeId)), request);
        }
        if (caller.isAdmin()) {
            return repository.list(request);
        }
        return repository.listAmong(caller.storeIds().stream().map(StoreId::parse).flatMap(Optional::stream).toList(), request);
    }
}
