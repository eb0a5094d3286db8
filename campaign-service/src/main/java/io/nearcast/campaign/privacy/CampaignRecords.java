package io.nearcast.campaign.privacy;

import io.nearcast.campaign.domain.Decision;
import io.nearcast.campaign.domain.DecisionLog;
import io.nearcast.campaign.domain.DwellTimers;
import io.nearcast.campaign.domain.Journey;
import io.nearcast.campaign.domain.Journeys;
import io.nearcast.campaign.domain.Offer;
import io.nearcast.campaign.domain.OfferLedger;
import io.nearcast.campaign.domain.OccasionHandler;
import io.nearcast.campaign.domain.StoreVisits;
import io.nearcast.privacy.domain.PersonalDataHolder;
import io.nearcast.privacy.domain.ShopperId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The campaign service as a holder of personal data: the shopper's offers, the decisions about
 * them with their explanations, the journey (stage, visits per store, preferences), open store
 * visits and pending dwell timers. Erasure runs under the shopper's decision lock, so no decision
 * half-made before it survives it. Retention purges offers and decisions made before the cutoff
 * and journeys not updated since; the anonymous campaign statistics stay.
 */
public final class CampaignRecords implements PersonalDataHolder {

    private final OfferLedger offers;
    private final DecisionLog decisions;
    private final Journeys journeys;
    private final StoreVisits visits;
    private final DwellTimers timers;
    private final OccasionHandler occasions;

    public CampaignRecords(OfferLedger offers, DecisionLog decisions, Journeys journeys, StoreVisits visits, DwellTimers timers,
                           OccasionHandler occasions) {
        this.offers = offers;
        this.decisions = decisions;
        this.journeys = journeys;
        this.visits = visits;
        this.timers = timers;
        this.occasions = occasions;
    }

    @Override
    public String name() {
        return "campaign-offers";
    }

    @Override
    public List<Map<String, String>> export(ShopperId shopper) {
        String id = shopper.value();
        List<Map<String, String>> records = new ArrayList<>();
        journeys.find(id).ifPresent(journey -> records.add(journey(journey)));
        visits.of(id).forEach((store, visit) -> {
            Map<String, String> record = record("store-visit");
            record.put("storeId", store);
            record.put("startedAt", visit.startedAt().toString());
            record.put("lastSeenAt", visit.lastSeen().toString());
            records.add(record);
        });
        offers.ofShopper(id).forEach(offer -> records.add(offer(offer)));
        decisions.ofShopper(id).forEach(decision -> records.add(decision(decision)));
        if (timers.holds(id)) {
            records.add(record("pending-dwell-timers"));
        }
        return records;
    }

    @Override
    public long erase(ShopperId shopper) {
        String id = shopper.value();
        return occasions.erase(id, () -> {
            long erased = timers.forget(id) + (visits.forget(id) ? 1 : 0);
            erased += journeys.erase(id);
            erased += offers.erase(id);
            erased += decisions.erase(id);
            return erased;
        });
    }

    @Override
    public long purgeRawOlderThan(Instant cutoff) {
        return offers.purgeDeliveredBefore(cutoff) + decisions.purgeBefore(cutoff) + journeys.purgeNotUpdatedSince(cutoff);
    }

    private static Map<String, String> journey(Journey journey) {
        Map<String, String> record = record("journey");
        journey.stage().ifPresent(stage -> record.put("stage", stage.wireName()));
        journey.visitsByStore().forEach((store, n) -> record.put("visits." + store, String.valueOf(n)));
        record.put("segments", String.join(",", journey.segments().stream().sorted().toList()));
        journey.language().ifPresent(language -> record.put("language", language.tag()));
        record.put("updatedAt", journey.updatedAt().toString());
        return record;
    }

    private static Map<String, String> offer(Offer offer) {
        Map<String, String> record = record("offer");
        record.put("offerId", offer.id());
        record.put("campaignId", offer.campaignId());
        record.put("variant", String.valueOf(offer.variant()));
        record.put("storeId", offer.storeId());
        offer.zoneId().ifPresent(zone -> record.put("zoneId", zone));
        record.put("decisionId", offer.decisionId());
        record.put("status", offer.status().wireName());
        record.put("deliveredAt", offer.deliveredAt().toString());
        record.put("expiresAt", offer.expiresAt().toString());
        offer.openedAt().ifPresent(at -> record.put("openedAt", at.toString()));
        offer.closedAt().ifPresent(at -> record.put("closedAt", at.toString()));
        return record;
    }

    private static Map<String, String> decision(Decision decision) {
        Map<String, String> record = record("decision");
        record.put("decisionId", decision.id());
        record.put("storeId", decision.storeId());
        decision.zoneId().ifPresent(zone -> record.put("zoneId", zone));
        record.put("trigger", decision.trigger().wireName());
        record.put("at", decision.at().toString());
        record.put("explanation", decision.explanation());
        decision.offerId().ifPresent(offer -> record.put("offerId", offer));
        return record;
    }

    private static Map<String, String> record(String kind) {
        Map<String, String> record = new LinkedHashMap<>();
        record.put("kind", kind);
        return record;
    }
}
