package io.nearcast.campaign.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A campaign that runs only in some weather: the store's last {@link ContextReading} must be at
 * most {@code maxAge} old, its category one of {@code weather} (empty: any) and its temperature
 * within the range (both ends included). Without a fresh reading the campaign does not run.
 */
public record ContextCondition(Set<String> weather, OptionalDouble minTemperatureC, OptionalDouble maxTemperatureC, Duration maxAge) {

    public ContextCondition {
        weather = Set.copyOf(weather);
        Objects.requireNonNull(minTemperatureC, "minTemperatureC");
        Objects.requireNonNull(maxTemperatureC, "maxTemperatureC");
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive");
        }
    }

    /** Why the context does not fit, or {@code null} when it does. */
    public BlockReason exclusion(Optional<ContextReading> reading, Instant now) {
        // in milliseconds: no Instant is made per campaign of a decision
        if (reading.isEmpty() || now.toEpochMilli() - reading.get().at().toEpochMilli() > maxAge.toMillis()) {
            return BlockReason.CONTEXT_STALE;
        }
        ContextReading current = reading.get();
        if (!weather.isEmpty() && !weather.contains(current.weather())) {
            return BlockReason.CONTEXT_WEATHER;
        }
        if (minTemperatureC.isPresent() && current.temperatureC() < minTemperatureC.getAsDouble()
                || maxTemperatureC.isPresent() && current.temperatureC() > maxTemperatureC.getAsDouble()) {
            return BlockReason.CONTEXT_TEMPERATURE;
        }
        return null;
    }
}
