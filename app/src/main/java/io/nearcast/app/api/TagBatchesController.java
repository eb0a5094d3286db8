package io.nearcast.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import io.nearcast.registry.domain.StoreId;
import io.nearcast.registry.domain.TagBatch;
import io.nearcast.registry.domain.TagBatchFields;
import io.nearcast.registry.domain.TagBatches;
import java.net.URI;
import java.time.Instant;

/**
 * {@code /api/v1/tag-batches}: the keys of a production run of NTAG 424 DNA tags, a shared SDM
 * meta-read key and an AN10922 master key for the tags' file-read keys. Keys are write-only.
 */
@Controller("/api/v1/tag-batches")
final class TagBatchesController {

    /** How the tags' file-read keys are derived, as the response names it. */
    static final String DIVERSIFICATION = "an10922-aes128";

    private final TagBatches batches;

    TagBatchesController(TagBatches batches) {
        this.batches = batches;
    }

    @Post
    HttpResponse<BatchBody> create(HttpRequest<?> request, @Body BatchRequest body) {
        TagBatch batch = batches.create(Callers.of(request), body.fields());
        return HttpResponse.created(BatchBody.of(batch), URI.create("/api/v1/tag-batches/" + batch.id()));
    }

    @Get
    Paging.PageBody<BatchBody> list(HttpRequest<?> request, @Nullable @QueryValue String storeId, @Nullable @QueryValue String page,
                                    @Nullable @QueryValue String size) {
        return Paging.body(batches.list(Callers.of(request), storeId, Paging.request(page, size)).map(BatchBody::of));
    }

    /** 409 while tags take their keys from the batch. */
    @Delete("/{batchId}")
    HttpResponse<Void> delete(HttpRequest<?> request, @PathVariable String batchId) {
        batches.delete(Callers.of(request), batchId);
        return HttpResponse.noContent();
    }

    @Get("/{batchId}")
    BatchBody get(HttpRequest<?> request, @PathVariable String batchId) {
        return BatchBody.of(batches.get(Callers.of(request), batchId));
    }

    @Serdeable
    record BatchRequest(@Nullable String name, @Nullable String storeId, @Nullable BatchSdmRequest sdm, @Nullable String systemIdentifier) {
        TagBatchFields fields() {
            return new TagBatchFields(name, storeId, sdm == null ? null : new TagBatchFields.Sdm(sdm.metaReadKey(), sdm.fileReadMasterKey()),
                    systemIdentifier);
        }

        @Override
        public String toString() {
            return "BatchRequest[name=" + name + ", storeId=" + storeId + ", sdm=" + (sdm == null ? "none" : "***")
                    + ", systemIdentifier=" + systemIdentifier + "]";
        }
    }

    /** The batch's keys, hex AES-128. */
    @Serdeable
    record BatchSdmRequest(@Nullable String metaReadKey, @Nullable String fileReadMasterKey) {
        @Override
        public String toString() {
            return "BatchSdmRequest[metaReadKey=***, fileReadMasterKey=***]";
        }
    }

    /** Wire form; every field is present, {@code null} when unset. No key, sealed or not. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record BatchBody(String id, String name, @Nullable String storeId, @Nullable String systemIdentifier, BatchSdmBody sdm, Instant createdAt) {
        static BatchBody of(TagBatch batch) {
            return new BatchBody(batch.id(), batch.name(), batch.storeId().map(StoreId::value).orElse(null), batch.systemIdentifier().orElse(null),
                    new BatchSdmBody(DIVERSIFICATION), batch.createdAt());
        }
    }

    /** @param fileReadKeys how each tag's file-read key is derived from the master key */
    @Serdeable
    record BatchSdmBody(String fileReadKeys) {
    }
}
