package io.nearcast.kernel.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The health of every component, and the overall verdict: UP only when all components are UP.
 *
 * @param components health per component name, in probe order
 */
public record HealthReport(Map<String, Health> components) {

    public HealthReport {
        components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
    }

    /** Runs every probe once; a probe that throws counts as DOWN rather than failing the report. */
    public static HealthReport of(List<? extends HealthProbe> probes) {
        Map<String, Health> results = new LinkedHashMap<>();
        for (HealthProbe probe : probes) {
            results.put(probe.component(), checkSafely(probe));
        }
        return new HealthReport(results);
    }

    public Health.Status status() {
        boolean allUp = !components.isEmpty() && components.values().stream().allMatch(Health::isUp);
        return allUp ? Health.Status.UP : Health.Status.DOWN;
    }

    private static Health checkSafely(HealthProbe probe) {
        try {
            return probe.check();
        } catch (RuntimeException e) {
            return Health.down("check failed: " + e.getClass().getSimpleName());
        }
    }
}
