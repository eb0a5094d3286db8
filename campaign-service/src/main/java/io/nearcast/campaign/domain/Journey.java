package io.nearcast.campaign.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the campaign service keeps about a consenting shopper beyond their offers: the journey
 * stage, store visits per store, and the preferences they set in their app (language, segments).
 *
 * @param stage    empty until the first signal
 * @param language empty: not set (offers then come in the campaign's first language)
 */
public record Journey(String shopperId, Optional<JourneyStage> stage, Map<String, Integer> visitsByStore, Set<String> segments,
                      Optional<Localized.Language> language, Instant updatedAt) {

    public Journey {
        Objects.requireNonNull(shopperId, "shopperId");
        Objects.requireNonNull(stage, "stage");
        visitsByStore = Map.copyOf(visitsByStore);
        segments = Set.copyOf(segments);
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static Journey start(String shopperId, Instant at) {
        return new Journey(shopperId, Optional.empty(), Map.of(), Set.of(), Optional.empty(), at);
    }

    public Journey after(JourneySignal signal, Instant at) {
        JourneyStage next = stage.map(current -> current.after(signal)).orElseGet(() -> JourneyStage.first(signal));
        return new Journey(shopperId, Optional.of(next), visitsByStore, segments, language, at);
    }

    public Journey withVisit(String storeId, Instant at) {
        Map<String, Integer> visits = new HashMap<>(visitsByStore);
        visits.merge(storeId, 1, Integer::sum);
        return new Journey(shopperId, stage, visits, segments, language, at);
    }

    public Journey withPreferences(Set<String> newSegments, Optional<Localized.Language> newLanguage, Instant at) {
        return new Journey(shopperId, stage, visitsByStore, newSegments, newLanguage, at);
    }

    public int visits(String storeId) {
        return visitsByStore.getOrDefault(storeId, 0);
    }

    public ShopperProfile profile(String storeId) {
        return new ShopperProfile(stage, visits(storeId), segments);
    }
}
