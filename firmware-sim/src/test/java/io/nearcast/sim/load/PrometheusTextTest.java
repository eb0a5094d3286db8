package io.nearcast.sim.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    /** Lines as the server's GET /metrics serves them (Micrometer), cut short. */
    private static final String SCRAPE = """
            # HELP nearcast_ingest_duplicates_total repeated messages dropped
            # TYPE nearcast_ingest_duplicates_total counter
            nearcast_ingest_duplicates_total{service="nearcast"} 2.0
            # HELP nearcast_ingest_handling_seconds time from receipt to handed on or rejected
            # TYPE nearcast_ingest_handling_seconds histogram
            nearcast_ingest_handling_seconds_bucket{service="nearcast",transport="coap",le="1.0E-5"} 7
            nearcast_ingest_handling_seconds_bucket{service="nearcast",transport="coap",le="+Inf"} 9
            nearcast_ingest_handling_seconds_bucket{service="nearcast",transport="mqtt",le="1.0E-5"} 0
            nearcast_ingest_handling_seconds_bucket{service="nearcast",transport="mqtt",le="9.61192E-4"} 1
            nearcast_ingest_handling_seconds_bucket{service="nearcast",transport="mqtt",le="0.004194304"} 3
            nearcast_ingest_handling_seconds_bucket{service="nearcast",transport="mqtt",le="0.005592405"} 4
            nearcast_ingest_handling_seconds_bucket{service="nearcast",transport="mqtt",le="+Inf"} 4
            nearcast_ingest_handling_seconds_count{service="nearcast",transport="mqtt"} 4
            nearcast_ingest_handling_seconds_sum{service="nearcast",transport="mqtt"} 0.110921121
            nearcast_ingest_rejected_total{reason="payload-not-json",service="nearcast"} 1.0
            nearcast_ingest_rejected_total{reason="ts-in-future",service="nearcast"} 3.0
            nearcast_ingest_sightings_accepted_total{service="nearcast"} 12345.0
            """;

    @Test
    void readsCountersAndSkipsComments() {
        PrometheusText text = PrometheusText.parse(SCRAPE);

        assertThat(text.samples()).hasSize(13);
        assertThat(text.sum("nearcast_ingest_sightings_accepted_total", Map.of())).isEqualTo(12_345.0);
        assertThat(text.sum("nearcast_ingest_handling_seconds_count", Map.of("transport", "mqtt"))).isEqualTo(4.0);
        assertThat(text.sum("nearcast_ingest_no_such_meter_total", Map.of())).isZero();
    }

    @Test
    void groupsASeriesByOneLabel() {
        assertThat(PrometheusText.parse(SCRAPE).byLabel("nearcast_ingest_rejected_total", "reason"))
                .containsExactly(entry("payload-not-json", 1.0), entry("ts-in-future", 3.0));
    }

    @Test
    void readsTheBucketsOfOneHistogramSeriesInOrder() {
        Histogram mqtt = PrometheusText.parse(SCRAPE).histogram("nearcast_ingest_handling_seconds", Map.of("transport", "mqtt"));

        assertThat(mqtt.upperBounds()).containsExactly(1.0E-5, 9.61192E-4, 0.004194304, 0.005592405, Double.POSITIVE_INFINITY);
        assertThat(mqtt.cumulativeCounts()).containsExactly(0, 1, 3, 4, 4);
        assertThat(mqtt.count()).isEqualTo(4);
    }

    @Test
    void unescapesLabelValuesAndIgnoresATimestamp() {
        PrometheusText text = PrometheusText.parse("m{a=\"x \\\"quoted\\\", y\",b=\"back\\\\slash\"} 1.5e3 1700000000000\nplain 7\n");

        assertThat(text.samples()).containsExactly(
                new PrometheusText.Sample("m", Map.of("a", "x \"quoted\", y", "b", "back\\slash"), 1500.0),
                new PrometheusText.Sample("plain", Map.of(), 7.0));
    }

    @Test
    void refusesALineThatIsNoSample() {
        assertThatThrownBy(() -> PrometheusText.parse("m{a=\"unterminated} 1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PrometheusText.parse("lonely_name")).isInstanceOf(IllegalArgumentException.class);
    }
}
