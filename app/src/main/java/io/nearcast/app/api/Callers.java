package io.nearcast.app.api;

import io.micronaut.http.HttpRequest;
import io.nearcast.kernel.domain.Caller;

/** The authenticated caller of a request, put there by {@link BearerAuthentication}. */
final class Callers {

    static final String ATTRIBUTE = "nearcast.caller";

    private Callers() {
    }

    static Caller of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, Caller.class)
                .orElseThrow(() -> new IllegalStateException("no caller on an /api request: authentication filter not applied"));
    }
}
