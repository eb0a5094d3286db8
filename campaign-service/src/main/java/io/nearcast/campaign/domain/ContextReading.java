package io.nearcast.campaign.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a context feed says about a store's surroundings now: a weather category (lower-case
 * word such as {@code sunny}, {@code rain}) and the outdoor temperature.
 *
 * @param temperatureC degrees Celsius, -90 to 60
 * @param at           when it was measured
 */
public record ContextReading(String storeId, String weather, double temperatureC, Instant at) {

    public static final Pattern WEATHER = Pattern.compile("[a-z][a-z-]{0,31}");

    public ContextReading {
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(weather, "weather");
        Objects.requireNonNull(at, "at");
        if (!WEATHER.matcher(weather).matches()) {
            throw new IllegalArgumentException("weather must be a lower-case word of at most 32 letters or hyphens");
        }
        if (!(temperatureC >= -90 && temperatureC <= 60)) {
            throw new IllegalArgumentException("temperatureC must be between -90 and 60");
        }
    }
}
