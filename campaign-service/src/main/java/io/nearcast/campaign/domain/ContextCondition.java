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
        if (reading.isEmpty() || isStale(reading.get(), now)) {
            return BlockReason.CONTEXT_STALE;
        }
        if (!weatherFits(reading.get())) {
            return BlockReason.CONTEXT_WEATHER;
        }
        if (!temperatureFits(reading.get())) {
            return BlockReason.CONTEXT_TEMPERATURE;
        }
        return null;
    }

    /** Older than the campaign accepts (in milliseconds: no Instant is made per campaign of a decision). */
    public boolean isStale(ContextReading reading, Instant now) {
        return now.toEpochMilli() - reading.at().toEpochMilli() > maxAge.toMillis();
    }

    public boolean weatherFits(ContextReading reading) {
        return weather.isEmpty() || weather.contains(reading.weather());
    }

    public boolean temperatureFits(ContextReading reading) {
        return !(minTemperatureC.isPresent() && reading.temperatureC() < minTemperatureC.getAsDouble()
                || maxTemperatureC.isPresent() && reading.temperatureC() > maxTemperatureC.getAsDouble());
    }
}
