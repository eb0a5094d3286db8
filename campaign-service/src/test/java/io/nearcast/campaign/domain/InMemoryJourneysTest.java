package io.nearcast.campaign.domain;

/** The journeys contract on the in-memory implementation. */
class InMemoryJourneysTest extends JourneysContract {

    @Override
    protected Journeys freshJourneys() {
        return new InMemoryJourneys();
    }
}
