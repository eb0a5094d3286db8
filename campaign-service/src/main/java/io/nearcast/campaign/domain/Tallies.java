package io.nearcast.campaign.domain;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every campaign's {@link CampaignTally}, kept in step with the anonymous statistics: each count
 * goes to both. Loaded from the statistics at start-up. Thread-safe.
 */
public final class Tallies {

    private final CampaignStats stats;
    private final Map<String, CampaignTally> byCampaign = new ConcurrentHashMap<>();

    public Tallies(CampaignStats stats) {
        this.stats = stats;
    }

    /** Reads the counts so far for these campaigns. */
    public void load(Iterable<Campaign> campaigns) {
        for (Campaign campaign : campaigns) {
            of(campaign);
        }
        for (CampaignStats.Row row : stats.all()) {
            CampaignTally tally = byCampaign.get(row.campaignId());
            if (tally != null && row.variant() < tally.variants()) {
                for (Metric metric : Metric.values()) {
                    tally.load(row.variant(), metric, row.count(metric));
                }
            }
        }
    }

    /** The campaign's tally; a campaign that gained variants keeps its counts. */
    public CampaignTally of(Campaign campaign) {
        CampaignTally known = byCampaign.get(campaign.id());
        if (known != null && known.variants() == campaign.variants().size()) {
            return known; // the decision path: a read, no lock
        }
        return byCampaign.compute(campaign.id(), (id, tally) -> {
            if (tally == null) {
                return new CampaignTally(campaign.variants().size());
            }
            if (tally.variants() == campaign.variants().size()) {
                return tally;
            }
            CampaignTally resized = new CampaignTally(campaign.variants().size());
            for (int variant = 0; variant < Math.min(tally.variants(), resized.variants()); variant++) {
                for (Metric metric : Metric.values()) {
                    resized.load(variant, metric, tally.count(variant, metric));
                }
            }
            return resized;
        });
    }

    public Optional<CampaignTally> find(String campaignId) {
        return Optional.ofNullable(byCampaign.get(campaignId));
    }

    /** Counts what happened to an offer, in memory and in the statistics. */
    public void count(Offer offer, Metric metric) {
        CampaignTally tally = byCampaign.get(offer.campaignId());
        if (tally != null && offer.variant() < tally.variants()) {
            tally.add(offer.variant(), metric, 1);
        }
        stats.add(offer.campaignId(), offer.variant(), offer.zoneId(), metric, 1);
    }
}
