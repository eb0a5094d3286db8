package io.nearcast.app.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;
import io.nearcast.app.runtime.NearcastRuntime;
import io.nearcast.kernel.domain.Health;
import io.nearcast.kernel.domain.HealthReport;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /health}: 200 with {@code "status":"UP"} only when every part (database, broker,
 * Nearcast's MQTT link, CoAP) is up; 503 with the same body shape otherwise. No authentication:
 * load balancers and orchestrators call it. Details never contain secrets.
 */
@Controller("/health")
final class HealthController {

    private final NearcastRuntime runtime;

    HealthController(NearcastRuntime runtime) {
        this.runtime = runtime;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    HttpResponse<HealthBody> health() {
        HealthReport report = runtime.health();
        Map<String, ComponentBody> components = new LinkedHashMap<>();
        report.components().forEach((name, health) -> components.put(name, ComponentBody.of(health)));
        HealthBody body = new HealthBody(report.status().name(), components);
        return report.status() == Health.Status.UP ? HttpResponse.ok(body) : HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }

    /** Wire form of the whole report. */
    @Serdeable
    record HealthBody(String status, Map<String, ComponentBody> components) {
    }

    /** Wire form of one component. */
    @Serdeable
    record ComponentBody(String status, String detail) {
        static ComponentBody of(Health health) {
            return new ComponentBody(health.status().name(), health.detail());
        }
    }
}
