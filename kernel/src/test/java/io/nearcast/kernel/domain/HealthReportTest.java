package io.nearcast.kernel.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HealthReportTest {

    private static HealthProbe probe(String name, Health health) {
        return new HealthProbe() {
            @Override
            public String component() {
                return name;
            }

            @Override
            public Health check() {
                return health;
            }
        };
    }

    @Test
    void isUpOnlyWhenEveryComponentIsUp() {
        assertThat(HealthReport.of(List.of(probe("db", Health.up("")), probe("mqtt", Health.up("")))).status())
                .isEqualTo(Health.Status.UP);
        assertThat(HealthReport.of(List.of(probe("db", Health.up("")), probe("mqtt", Health.down("lost")))).status())
                .isEqualTo(Health.Status.DOWN);
    }

    @Test
    void isDownWithoutAnyComponent() {
        assertThat(HealthReport.of(List.of()).status()).isEqualTo(Health.Status.DOWN);
    }

    @Test
    void countsAProbeThatThrowsAsDown() {
        HealthProbe broken = new HealthProbe() {
            @Override
            public String component() {
                return "coap";
            }

            @Override
            public Health check() {
                throw new IllegalStateException("boom");
            }
        };

        HealthReport report = HealthReport.of(List.of(broken));

        assertThat(report.components().get("coap").status()).isEqualTo(Health.Status.DOWN);
        assertThat(report.status()).isEqualTo(Health.Status.DOWN);
    }
}
