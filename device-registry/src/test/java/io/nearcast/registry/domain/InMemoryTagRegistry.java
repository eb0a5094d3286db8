package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.Deletion;
import io.nearcast.kernel.domain.MasterKey;
import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import io.nearcast.kernel.domain.SecretBox;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The tag services on plain lists instead of a database, for the domain's unit tests (the JDBC
 * adapters have contract tests of their own). Not thread-safe.
 */
final class InMemoryTagRegistry {

    static final Instant NOW = Instant.parse("2026-05-04T09:30:00.123456Z");

    final List<Store> storeRows = new ArrayList<>();
    final List<Tag> tagRows = new ArrayList<>();
    final List<TagBatch> batchRows = new ArrayList<>();
    final List<AuditEntry> auditRows = new ArrayList<>();
    final SecretBox box = new SecretBox(MasterKey.generate(new SecureRandom()), new SecureRandom());
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    final StoreRepository storeRepository = new StoreRepository() {
        public void insert(Store store) {
            storeRows.add(store);
        }

        public Optional<Store> find(StoreId id) {
            return storeRows.stream().filter(s -> s.id().equals(id)).findFirst();
        }

        public boolean update(Store store) {
            for (int i = 0; i < storeRows.size(); i++) {
                if (storeRows.get(i).id().equals(store.id())) {
                    storeRows.set(i, store);
                    return true;
                }
            }
            return false;
        }

        public Page<Store> list(PageRequest request) {
            return page(storeRows, s -> true, request);
        }

        public Page<Store> listAmong(Collection<StoreId> ids, PageRequest request) {
            return page(storeRows, s -> ids.contains(s.id()), request);
        }
    };

    final TagRepository tagRepository = new TagRepository() {
        public boolean insert(Tag tag) {
            if (tag.uid().isPresent() && findByUid(tag.uid().get()).isPresent()) {
                return false;
            }
            tagRows.add(tag);
            return true;
        }

        public Deletion delete(String id) {
            return tagRows.removeIf(t -> t.id().equals(id)) ? Deletion.DELETED : Deletion.NOT_FOUND;
        }

        public Optional<Tag> find(String id) {
            return tagRows.stream().filter(t -> t.id().equals(id)).findFirst();
        }

        public Optional<Tag> findByUid(TagUid uid) {
            return tagRows.stream().filter(t -> t.uid().equals(Optional.of(uid))).findFirst();
        }

        public Page<Tag> list(PageRequest request) {
            return page(tagRows, t -> true, request);
        }

        public Page<Tag> listAmong(Collection<StoreId> storeIds, PageRequest request) {
            return page(tagRows, t -> t.storeId().isPresent() && storeIds.contains(t.storeId().get()), request);
        }

        public List<SealedMetaReadKey> perTagMetaReadKeys() {
            return tagRows.stream()
                    .filter(t -> t.keys() instanceof SdmKeySource.PerTag)
                    .map(t -> new SealedMetaReadKey(t.id(), t.uid(), ((SdmKeySource.PerTag) t.keys()).sealedMetaReadKey()))
                    .toList();
        }
    };

    final TagBatchRepository batchRepository = new TagBatchRepository() {
        public void insert(TagBatch batch) {
            batchRows.add(batch);
        }

        public Deletion delete(String id) {
            if (tagRows.stream().anyMatch(t -> t.keys() instanceof SdmKeySource.Batch b && b.batchId().equals(id))) {
                return Deletion.IN_USE;
            }
            return batchRows.removeIf(b -> b.id().equals(id)) ? Deletion.DELETED : Deletion.NOT_FOUND;
        }

        public Optional<TagBatch> find(String id) {
            return batchRows.stream().filter(b -> b.id().equals(id)).findFirst();
        }

        public Page<TagBatch> list(PageRequest request) {
            return page(batchRows, b -> true, request);
        }

        public Page<TagBatch> listAmong(Collection<StoreId> storeIds, PageRequest request) {
            return page(batchRows, b -> b.storeId().isPresent() && storeIds.contains(b.storeId().get()), request);
        }

        public List<TagBatch> all() {
            return List.copyOf(batchRows);
        }
    };

    final AuditLog audit = new AuditLog() {
        public void record(AuditEntry entry) {
            auditRows.add(entry);
        }

        public Page<AuditEntry> list(PageRequest request) {
            return page(auditRows, e -> true, request);
        }
    };

    final Stores stores = new Stores(storeRepository, audit, clock);
    final Tags tags = new Tags(tagRepository, batchRepository, stores, audit, box, clock);
    final TagBatches batches = new TagBatches(batchRepository, stores, audit, box, clock);
    final TagKeys keys = new TagKeys(tagRepository, batchRepository, box);

    /** A store, registered without going through the audited service. */
    StoreId store(String name) {
        Store store = new Store(StoreId.random(), name, ZoneId.of("Europe/Berlin"), new GeoPoint(52.52, 13.405), NOW);
        storeRows.add(store);
        return store.id();
    }

    private static <T> Page<T> page(List<T> rows, Predicate<T> filter, PageRequest request) {
        List<T> matching = rows.stream().filter(filter).toList();
        int from = (int) Math.min(matching.size(), request.offset());
        int to = Math.min(matching.size(), from + request.size());
        return Page.of(matching.subList(from, to), request, matching.size());
    }
}
