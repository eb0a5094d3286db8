package io.nearcast.campaign.domain;

/** The campaign statistics contract on the in-memory implementation. */
class InMemoryCampaignStatsTest extends CampaignStatsContract {

    @Override
    protected CampaignStats freshStats() {
        return new InMemoryCampaignStats();
    }
}
