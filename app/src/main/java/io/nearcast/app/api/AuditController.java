package io.nearcast.app.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.nearcast.registry.domain.AuditEntry;
import io.nearcast.registry.domain.AuditLog;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** {@code GET /api/v1/audit} (admin only): every registry change, newest first. */
@Controller("/api/v1/audit")
final class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @Get
    Paging.PageBody<AuditBody> list(HttpRequest<?> request, @Nullable @QueryValue String page, @Nullable @QueryValue String size) {
        Callers.of(request).requireAdmin("reading the audit log");
        return Paging.body(audit.list(Paging.request(page, size)).map(AuditBody::of));
    }

    @Serdeable
    record AuditBody(Instant at, String actor, String action, String resource, String summary) {
        static AuditBody of(AuditEntry entry) {
            return new AuditBody(entry.at(), entry.actor(), entry.action(), entry.resource(), entry.summary());
        }
    }
}
