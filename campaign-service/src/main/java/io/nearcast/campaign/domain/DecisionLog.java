package io.nearcast.campaign.domain;

import java.time.Instant;
import java.util.List;

/** Port: the decisions made about consenting shoppers, with their explanations. Thread-safe. */
public interface DecisionLog {

    void record(Decision decision);

    /** The shopper's decisions, oldest first. */
    List<Decision> ofShopper(String shopperId);

    java.util.Optional<Decision> find(String decisionId);

    /** One page of the store's decisions, newest first. */
    io.nearcast.kernel.domain.Page<Decision> ofStore(String storeId, io.nearcast.kernel.domain.PageRequest page);

    long erase(String shopperId);

    long purgeBefore(Instant cutoff);
}
