package io.nearcast.app.api;

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
import io.nearcast.registry.domain.ApiToken;
import io.nearcast.registry.domain.StoreId;
import io.nearcast.registry.domain.Tokens;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/** {@code /api/v1/tokens} (admin only): issue staff tokens scoped to stores, list them, revoke them. */
@Controller("/api/v1/tokens")
final class TokensController {

    private final Tokens tokens;

    TokensController(Tokens tokens) {
        this.tokens = tokens;
    }

    @Post
    HttpResponse<IssuedBody> issue(HttpRequest<?> request, @Body TokenRequest body) {
        Tokens.Issued issued = tokens.issue(Callers.of(request), body.role(), body.storeIds(), body.label());
        return HttpResponse.created(IssuedBody.of(issued), URI.create("/api/v1/tokens/" + issued.token().id()));
    }

    @Get
    Paging.PageBody<TokenBody> list(HttpRequest<?> request, @Nullable @QueryValue String page, @Nullable @QueryValue String size) {
        return Paging.body(tokens.list(Callers.of(request), Paging.request(page, size)).map(TokenBody::of));
    }

    @Delete("/{tokenId}")
    HttpResponse<Void> revoke(HttpRequest<?> request, @PathVariable String tokenId) {
        tokens.revoke(Callers.of(request), tokenId);
        return HttpResponse.noContent();
    }

    @Serdeable
    record TokenRequest(@Nullable String role, @Nullable List<String> storeIds, @Nullable String label) {
    }

    /** The token's secret appears here once and never again. */
    @Serdeable
    record IssuedBody(String id, String token, String role, List<String> storeIds, String label, Instant createdAt) {
        static IssuedBody of(Tokens.Issued issued) {
            TokenBody t = TokenBody.of(issued.token());
            return new IssuedBody(t.id(), issued.secret(), t.role(), t.storeIds(), t.label(), t.createdAt());
        }

        @Override
        public String toString() {
            return "IssuedBody[id=" + id + ", token=***]";
        }
    }

    @Serdeable
    record TokenBody(String id, String role, List<String> storeIds, String label, Instant createdAt, @Nullable Instant revokedAt) {
        static TokenBody of(ApiToken token) {
            return new TokenBody(token.id(), token.role().wireName(),
                    token.storeIds().stream().map(StoreId::value).sorted().toList(), token.label(), token.createdAt(), token.revokedAt().orElse(null));
        }
    }
}
