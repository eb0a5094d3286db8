package io.nearcast.campaign.domain;

import java.time.Instant;
import java.util.List;

/** Port: the decisions made about consenting shoppers, with their explanations. Thread-safe. */
public interface DecisionLog {

    void record(Decision decision);

    /** The shopper's decisions, oldest first. */
    List<Decision> ofShopper(String shopperId);

    java.util.Optional<Decision> find(String decisionId);

    /** The store's newest decisions, newest first, at most {@code limit}. */
    List<Decision> ofStore(String storeId, int limit);

    long erase(String shopperId);

    long purgeBefore(Instant cutoff);
}
