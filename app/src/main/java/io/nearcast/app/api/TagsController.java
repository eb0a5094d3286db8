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
import io.nearcast.registry.domain.Gtin;
import io.nearcast.registry.domain.StoreId;
import io.nearcast.registry.domain.Tag;
import io.nearcast.registry.domain.TagFields;
import io.nearcast.registry.domain.TagUid;
import io.nearcast.registry.domain.Tags;
import java.net.URI;
import java.time.Instant;

/**
 * {@code /api/v1/tags}: NFC tags with SDM keys of their own or from a batch. Keys are write-only:
 * they are in no response. Staff work with their stores' tags; tags without a store are the admins'.
 */
@Controller("/api/v1/tags")
final class TagsController {

    private final Tags tags;

    TagsController(Tags tags) {
        this.tags = tags;
    }

    @Post
    HttpResponse<TagBody> create(HttpRequest<?> request, @Body TagRequest body) {
        Tag tag = tags.create(Callers.of(request), body.fields());
        return HttpResponse.created(TagBody.of(tag), URI.create("/api/v1/tags/" + tag.id()));
    }

    @Get
    Paging.PageBody<TagBody> list(HttpRequest<?> request, @Nullable @QueryValue String storeId, @Nullable @QueryValue String page,
                                  @Nullable @QueryValue String size) {
        return Paging.body(tags.list(Callers.of(request), storeId, Paging.request(page, size)).map(TagBody::of));
    }

    /** The tag's keys go with it; URLs it printed stop verifying. */
    @Delete("/{tagId}")
    HttpResponse<Void> delete(HttpRequest<?> request, @PathVariable String tagId) {
        tags.delete(Callers.of(request), tagId);
        return HttpResponse.noContent();
    }

    @Get("/{tagId}")
    TagBody get(HttpRequest<?> request, @PathVariable String tagId) {
        return TagBody.of(tags.get(Callers.of(request), tagId));
    }

    /** What a client sends: keys in {@code sdm}, or a {@code batchId} to take them from. */
    @Serdeable
    record TagRequest(@Nullable String uid, @Nullable String gtin, @Nullable String storeId, @Nullable SdmRequest sdm, @Nullable String batchId) {
        TagFields fields() {
            return new TagFields(uid, gtin, storeId, sdm == null ? null : new TagFields.Sdm(sdm.metaReadKey(), sdm.fileReadKey()), batchId);
        }

        @Override
        public String toString() {
            return "TagRequest[uid=" + uid + ", gtin=" + gtin + ", storeId=" + storeId + ", sdm=" + (sdm == null ? "none" : "***") + ", batchId=" + batchId + "]";
        }
    }

    /** A tag's own SDM keys, hex AES-128. */
    @Serdeable
    record SdmRequest(@Nullable String metaReadKey, @Nullable String fileReadKey) {
        @Override
        public String toString() {
            return "SdmRequest[metaReadKey=***, fileReadKey=***]";
        }
    }

    /** Wire form; every field is present, {@code null} when unset. No key, sealed or not. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TagBody(String id, @Nullable String uid, @Nullable String gtin, @Nullable String storeId, @Nullable String batchId, SdmBody sdm,
                   Instant createdAt, @Nullable Integer lastCounter) {
        static TagBody of(Tag tag) {
            return new TagBody(tag.id(), tag.uid().map(TagUid::hex).orElse(null), tag.gtin().map(Gtin::digits).orElse(null),
                    tag.storeId().map(StoreId::value).orElse(null), tag.batchId().orElse(null), new SdmBody(tag.keys().kind()), tag.createdAt(),
                    tag.lastCounter().isPresent() ? tag.lastCounter().getAsInt() : null);
        }
    }

    /** @param keys {@code per-tag}, {@code batch} or {@code none} */
    @Serdeable
    record SdmBody(String keys) {
    }
}
