package io.nearcast.campaign.domain;

import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Port: the campaigns. Thread-safe. */
public interface CampaignRepository {

    void insert(Campaign campaign);

    /**
     * Replaces the campaign if it still has {@code expectedVersion}.
     *
     * @return false when another change came first (or it does not exist)
     */
    boolean replace(Campaign campaign, long expectedVersion);

    Optional<Campaign> find(String id);

    /** The campaigns of these stores, oldest first. */
    Page<Campaign> ofStores(Collection<String> storeIds, PageRequest page);

    /** Every campaign (the catalog is built from it). */
    List<Campaign> all();
}
