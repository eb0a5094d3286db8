package io.nearcast.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.serde.annotation.Serdeable;
import io.nearcast.app.campaign.CampaignService;
import io.nearcast.campaign.domain.CampaignDefinition;
import io.nearcast.campaign.domain.Journey;
import io.nearcast.campaign.domain.Localized;
import io.nearcast.kernel.domain.Caller;
import io.nearcast.kernel.domain.Forbidden;
import io.nearcast.kernel.domain.InvalidField;
import io.nearcast.kernel.domain.NotFound;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /api/v1/shoppers/{shopperId}/preferences}: the segments (interests) and language a
 * shopper chose in their app, which campaigns' audiences and offer texts use, and their journey
 * stage. The shopper's own token only (staff: 404; an admin cannot choose for a shopper: 403);
 * kept only with consent to location and personalisation (409 otherwise).
 */
@Controller("/api/v1/shoppers/{shopperId}/preferences")
final class ShopperPreferencesController {

    private final CampaignService campaigns;

    ShopperPreferencesController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Put
    PreferencesBody change(HttpRequest<?> request, @PathVariable String shopperId, @Body PreferencesRequest body) {
        requireSelf(Callers.of(request), shopperId);
        Set<String> segments = new LinkedHashSet<>();
        List<String> given = body.segments() == null ? List.of() : body.segments();
        if (given.size() > CampaignDefinition.MAX_SEGMENTS) {
            throw new InvalidField("segments", "has " + given.size() + " items, at most " + CampaignDefinition.MAX_SEGMENTS);
        }
        for (int i = 0; i < given.size(); i++) {
            if (given.get(i) == null) {
                throw new InvalidField("segments[" + i + "]", "must be a string");
            }
            segments.add(CampaignDefinition.segment("segments[" + i + "]", given.get(i)));
        }
        Optional<Localized.Language> language = Optional.ofNullable(body.language())
                .map(tag -> Localized.Language.ofTag(tag).orElseThrow(() -> new InvalidField("language", "must be de or en, got " + tag)));
        return PreferencesBody.of(campaigns.occasions().setPreferences(shopperId, segments, language));
    }

    @Get
    PreferencesBody get(HttpRequest<?> request, @PathVariable String shopperId) {
        requireSelf(Callers.of(request), shopperId);
        return campaigns.journeys().find(shopperId).map(PreferencesBody::of)
                .orElseGet(() -> new PreferencesBody(List.of(), null, null, Map.of()));
    }

    private static void requireSelf(Caller caller, String shopperId) {
        if (caller.isAdmin()) {
            throw new Forbidden("only the shopper chooses their preferences");
        }
        if (!caller.isShopper(shopperId)) {
            throw new NotFound("shopper");
        }
    }

    @Serdeable
    record PreferencesRequest(@Nullable List<String> segments, @Nullable String language) {
    }

    /** @param stage the journey stage, {@code null} before the first signal */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PreferencesBody(List<String> segments, @Nullable String language, @Nullable String stage, Map<String, Integer> visitsByStore) {
        static PreferencesBody of(Journey journey) {
            return new PreferencesBody(journey.segments().stream().sorted().toList(), journey.language().map(Localized.Language::tag).orElse(null),
                    journey.stage().map(s -> s.wireName()).orElse(null), journey.visitsByStore());
        }
    }
}
