package io.nearcast.app.campaign;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.nearcast.campaign.domain.ContextReading;
import io.nearcast.kernel.domain.InvalidField;
import java.time.Duration;
import java.time.Instant;

/**
 * A context reading on {@code nearcast/v1/context/{storeId}} and in {@code PUT /api/v1/stores/{storeId}/context}:
 * {@code {"weather":"sunny","temperatureC":21.5,"ts":<epoch ms>}} ({@code ts} optional: now).
 */
@Serdeable
public record ContextMessage(@Nullable String weather, @Nullable Double temperatureC, @Nullable Long ts) {

    /** Readings may be at most this far ahead of the server's clock. */
    public static final Duration MAX_FUTURE = Duration.ofSeconds(30);

    /** @throws InvalidField naming the field */
    public ContextReading toReading(String storeId, Instant now) {
        if (weather == null) {
            throw new InvalidField("weather", "is required, a lower-case word such as sunny or rain");
        }
        if (!ContextReading.WEATHER.matcher(weather).matches()) {
            throw new InvalidField("weather", "must be a lower-case word of at most 32 letters or hyphens, got " + weather);
        }
        if (temperatureC == null) {
            throw new InvalidField("temperatureC", "is required, degrees Celsius");
        }
        if (!(temperatureC >= -90 && temperatureC <= 60)) {
            throw new InvalidField("temperatureC", "must be between -90 and 60, got " + temperatureC);
        }
        Instant at = ts == null ? now : Instant.ofEpochMilli(ts);
        if (at.isAfter(now.plus(MAX_FUTURE))) {
            throw new InvalidField("ts", "is in the future");
        }
        return new ContextReading(storeId, weather, temperatureC, at);
    }

    public static ContextMessage of(ContextReading reading) {
        return new ContextMessage(reading.weather(), reading.temperatureC(), reading.at().toEpochMilli());
    }
}
