package io.nearcast.app.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.nearcast.kernel.domain.BearerSecret;
import io.nearcast.privacy.domain.Shoppers;
import io.nearcast.registry.domain.Tokens;
import io.nearcast.kernel.domain.Caller;
import jakarta.inject.Provider;
import java.util.Optional;

/**
 * Every {@code /api/} request carries {@code Authorization: Bearer <token>} (admin, staff or
 * shopper token); without a valid one it is answered 401 before any controller runs. The one
 * exception is a shopper's registration ({@code POST /api/v1/shoppers}), which needs no token and
 * is rate-limited per client address instead.
 */
@ServerFilter({"/api/**", "/metrics"})
final class BearerAuthentication {

    private static final String SCHEME = "Bearer ";

    private static final String SHOPPER_REGISTRATION = "/api/v1/shoppers";

    private final Provider<Tokens> tokens;
    private final Provider<Shoppers> shoppers;
    private final RegistrationLimit registrations;

    BearerAuthentication(Provider<Tokens> tokens, Provider<Shoppers> shoppers, RegistrationLimit registrations) {
        this.tokens = tokens;
        this.shoppers = shoppers;
        this.registrations = registrations;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> authenticate(HttpRequest<?> request) {
        if (request.getMethod() == HttpMethod.POST && SHOPPER_REGISTRATION.equals(request.getPath())) {
            return registrations.admit(request);
        }
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return unauthorized("missing Authorization: Bearer <token>");
        }
        if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return unauthorized("Authorization must use the Bearer scheme");
        }
        String token = header.substring(SCHEME.length()).strip();
        Optional<Caller> caller = token.startsWith(BearerSecret.SHOPPER_PREFIX) ? shoppers.get().authenticate(token) : tokens.get().authenticate(token);
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
