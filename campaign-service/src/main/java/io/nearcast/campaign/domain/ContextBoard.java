package io.nearcast.campaign.domain;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last context reading per store, whichever feed it came from (the MQTT topic
 * {@code nearcast/v1/context/{storeId}} or the REST endpoint). An older reading than the one held
 * is ignored, so feeds that arrive out of order do not move time back. Thread-safe.
 */
public final class ContextBoard {

    private final Map<String, ContextReading> latest = new ConcurrentHashMap<>();

    /** @return whether the reading is now the store's current one */
    public boolean post(ContextReading reading) {
        ContextReading kept = latest.merge(reading.storeId(), reading, (held, offered) -> offered.at().isBefore(held.at()) ? held : offered);
        return kept == reading;
    }

    public Optional<ContextReading> current(String storeId) {
        return Optional.ofNullable(latest.get(storeId));
    }
}
