package io.nearcast.campaign.domain;

/** The campaign repository contract on the in-memory implementation. */
class InMemoryCampaignRepositoryTest extends CampaignRepositoryContract {

    @Override
    protected CampaignRepository freshRepository() {
        return new InMemoryCampaignRepository();
    }
}
