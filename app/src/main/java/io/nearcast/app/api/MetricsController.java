package io.nearcast.app.api;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.nearcast.app.ingest.IngestMeters;
import io.nearcast.app.runtime.NearcastRuntime;

/**
 * {@code GET /metrics}: every meter in the Prometheus text format (0.0.4). Admin token required
 * (Prometheus: {@code authorization: {credentials: <token>}} in the scrape config). Meters carry
 * counts and timings only, never ids of shoppers or devices.
 */
@Controller("/metrics")
final class MetricsController {

    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final NearcastRuntime runtime;

    MetricsController(PrometheusMeterRegistry registry, NearcastRuntime runtime) {
        this.registry = registry;
        this.runtime = runtime;
    }

    @Get
    HttpResponse<String> scrape(HttpRequest<?> request) {
        Callers.of(request).requireAdmin("reading metrics");
        IngestMeters.refreshReasons(registry, runtime.ingestCounters());
        return HttpResponse.ok(registry.scrape()).contentType(PROMETHEUS_TEXT);
    }
}
