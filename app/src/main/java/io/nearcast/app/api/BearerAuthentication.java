package io.nearcast.app.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.nearcast.registry.domain.Tokens;
import io.nearcast.kernel.domain.Caller;
import jakarta.inject.Provider;
import java.util.Optional;

/**
 * Every {@code /api/} request carries {@code Authorization: Bearer <token>}; without a valid one
 * it is answered 401 before any controller runs.
 */
@ServerFilter("/api/**")
final class BearerAuthentication {

    private static final String SCHEME = "Bearer ";

    private final Provider<Tokens> tokens;

    BearerAuthentication(Provider<Tokens> tokens) {
        this.tokens = tokens;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> authenticate(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return unauthorized("missing Authorization: Bearer <token>");
        }
        if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return unauthorized("Authorization must use the Bearer scheme");
        }
        Optional<Caller> caller = tokens.get().authenticate(header.substring(SCHEME.length()).strip());
        if (caller.isEmpty()) {
            return unauthorized("unknown or revoked token");
        }
        request.setAttribute(Callers.ATTRIBUTE, caller.get());
        return null; // continue to the controller
    }

    private static HttpResponse<?> unauthorized(String detail) {
        return Problem.response(HttpStatus.UNAUTHORIZED, detail).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"nearcast\"");
    }
}
