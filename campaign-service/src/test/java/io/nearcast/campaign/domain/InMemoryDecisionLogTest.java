package io.nearcast.campaign.domain;

/** The decision log contract on the in-memory implementation. */
class InMemoryDecisionLogTest extends DecisionLogContract {

    @Override
    protected DecisionLog freshLog() {
        return new InMemoryDecisionLog();
    }
}
