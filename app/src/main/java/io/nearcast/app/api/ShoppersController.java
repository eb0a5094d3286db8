package io.nearcast.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.serde.annotation.Serdeable;
import io.nearcast.privacy.domain.ConsentEntry;
import io.nearcast.privacy.domain.ConsentState;
import io.nearcast.privacy.domain.PersonalData;
import io.nearcast.privacy.domain.Purpose;
import io.nearcast.privacy.domain.Shoppers;
import java.net.URI;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/shoppers}: a pseudonymous shopper registers without credentials and then acts
 * with its shopper token on itself only: consent, export (GDPR Art. 15/20), erasure (Art. 17).
 * An administrator may read, export and erase on a shopper's request, never give consent.
 */
@Controller("/api/v1/shoppers")
final class ShoppersController {

    private final Shoppers shoppers;

    ShoppersController(Shoppers shoppers) {
        this.shoppers = shoppers;
    }

    /** No authentication (BearerAuthentication lets this one route through, rate-limited per client address). */
    @Post
    HttpResponse<IssuedBody> register() {
        Shoppers.IssuedShopper issued = shoppers.register();
        String id = issued.shopper().id().value();
        Broadcast broadcast = new Broadcast(HexFormat.of().formatHex(issued.eidIdentityKey()), issued.eidExponent(), "unix-seconds");
        return HttpResponse.created(new IssuedBody(id, issued.token(), broadcast, issued.shopper().createdAt()), URI.create("/api/v1/shoppers/" + id))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Put("/{shopperId}/consent")
    ConsentBody changeConsent(HttpRequest<?> request, @PathVariable String shopperId, @Body ConsentRequest body) {
        ConsentState state = shoppers.changeConsent(Callers.of(request), shopperId, body.purposes(), body.source(), body.noticeVersion());
        return ConsentBody.of(state, null);
    }

    @Get("/{shopperId}/consent")
    ConsentBody consent(HttpRequest<?> request, @PathVariable String shopperId) {
        Shoppers.ConsentView view = shoppers.consent(Callers.of(request), shopperId);
        return ConsentBody.of(view.current(), view.history());
    }

    @Get("/{shopperId}/export")
    HttpResponse<ExportBody> export(HttpRequest<?> request, @PathVariable String shopperId) {
        PersonalData.ShopperExport export = shoppers.export(Callers.of(request), shopperId);
        return HttpResponse.ok(new ExportBody(export.shopper().value(), export.generatedAt(), export.data()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** Erases the shopper everywhere; the receipt counts what each holder removed and names no one. */
    @Delete("/{shopperId}")
    ReceiptBody erase(HttpRequest<?> request, @PathVariable String shopperId) {
        PersonalData.ErasureReceipt receipt = shoppers.erase(Callers.of(request), shopperId);
        return new ReceiptBody(receipt.erasedAt(), receipt.removed(), receipt.total());
    }

    /** What the shopper app needs to broadcast rotating identifiers (Eddystone-EID computation), shown once. */
    @Serdeable
    record Broadcast(String identityKey, int rotationExponent, String timeCounter) {
        @Override
        public String toString() {
            return "Broadcast[***]";
        }
    }

    @Serdeable
    record IssuedBody(String id, String token, Broadcast broadcast, Instant createdAt) {
        @Override
        public String toString() {
            return "IssuedBody[***]";
        }
    }

    @Serdeable
    record ConsentRequest(@Nullable Map<String, Boolean> purposes, @Nullable String source, @Nullable String noticeVersion) {
    }

    @Serdeable
    record EntryBody(String purpose, boolean granted, Instant at, String source, String noticeVersion) {
        static EntryBody of(ConsentEntry entry) {
            return new EntryBody(entry.purpose().wireName(), entry.granted(), entry.at(), entry.source(), entry.noticeVersion());
        }
    }

    /** Current consent per purpose, and the history when it was asked for. */
    @Serdeable
    record ConsentBody(Map<String, Boolean> purposes, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<EntryBody> history) {
        static ConsentBody of(ConsentState state, List<ConsentEntry> history) {
            Map<String, Boolean> purposes = new LinkedHashMap<>();
            for (Purpose purpose : Purpose.values()) {
                purposes.put(purpose.wireName(), state.allows(purpose));
            }
            return new ConsentBody(purposes, history == null ? null : history.stream().map(EntryBody::of).toList());
        }
    }

    @Serdeable
    record ExportBody(String shopperId, Instant generatedAt, Map<String, List<Map<String, String>>> data) {
    }

    @Serdeable
    record ReceiptBody(Instant erasedAt, Map<String, Long> removed, long total) {
    }
}
