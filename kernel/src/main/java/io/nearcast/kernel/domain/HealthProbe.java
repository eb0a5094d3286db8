package io.nearcast.kernel.domain;

/**
 * Answers whether one component (database, broker, CoAP, ...) is able to do its job now.
 *
 * <p>Implementations must be thread-safe, must not block for longer than about a second and
 * must not throw: a failure to check is itself reported as {@link Health.Status#DOWN}.
 */
public interface HealthProbe {

    /** The component's name in health reports, e.g. {@code "database"}. */
    String component();

    /** Checks the component now. */
    Health check();
}
