package io.nearcast.campaign.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The offer ledger in memory (tests, benchmarks, a server without a database). Thread-safe. */
public final class InMemoryOfferLedger implements OfferLedger {

    private final Map<String, Offer> byId = new ConcurrentHashMap<>();
    private final Map<String, List<String>> byShopper = new ConcurrentHashMap<>();

    @Override
    public void add(Offer offer) {
        if (byId.putIfAbsent(offer.id(), offer) != null) {
            throw new IllegalStateException("an offer with this id exists");
        }
        byShopper.compute(offer.shopperId(), (id, list) -> {
            List<String> ids = list == null ? new ArrayList<>() : list;
            ids.add(offer.id());
            return ids;
        });
    }

    @Override
    public Optional<Offer> find(String offerId) {
        return Optional.ofNullable(byId.get(offerId));
    }

    @Override
    public List<Offer> deliveredSince(String shopperId, Instant since) {
        return ofShopper(shopperId).stream().filter(offer -> !offer.deliveredAt().isBefore(since)).toList();
    }

    @Override
    public Optional<Offer> transition(String offerId, OfferStatus next, Instant at) {
        Offer[] changed = new Offer[1];
        byId.computeIfPresent(offerId, (id, offer) -> {
            if (!offer.status().isOpen()) {
                return offer;
            }
            if (next == OfferStatus.OPENED) {
                if (offer.openedAt().isPresent()) {
                    return offer;
                }
            } else if (next != OfferStatus.EXPIRED && offer.isExpiredAt(at)) {
                return offer;
            }
            changed[0] = offer.with(next, at);
            return changed[0];
        });
        return Optional.ofNullable(changed[0]);
    }

    @Override
    public List<Offer> expire(Instant now) {
        List<Offer> expired = new ArrayList<>();
        for (Offer offer : List.copyOf(byId.values())) {
            if (offer.status().isOpen() && offer.isExpiredAt(now)) {
                transition(offer.id(), OfferStatus.EXPIRED, offer.expiresAt()).ifPresent(expired::add);
            }
        }
        return expired;
    }

    @Override
    public List<Offer> ofShopper(String shopperId) {
        // copied under the map's lock for this shopper, which add and purge also hold while they change the list
        List<String> ids = new ArrayList<>();
        byShopper.computeIfPresent(shopperId, (id, list) -> {
            ids.addAll(list);
            return list;
        });
        List<Offer> offers = new ArrayList<>(ids.size());
        for (String id : ids) {
            Offer offer = byId.get(id);
            if (offer != null) {
                offers.add(offer);
            }
        }
        return offers;
    }

    @Override
    public long erase(String shopperId) {
        List<String> ids = byShopper.remove(shopperId);
        if (ids == null) {
            return 0;
        }
        ids.forEach(byId::remove);
        return ids.size();
    }

    @Override
    public long purgeDeliveredBefore(Instant cutoff) {
        long removed = 0;
        for (Offer offer : List.copyOf(byId.values())) {
            if (offer.deliveredAt().isBefore(cutoff) && byId.remove(offer.id()) != null) {
                byShopper.computeIfPresent(offer.shopperId(), (id, list) -> {
                    list.remove(offer.id());
                    return list.isEmpty() ? null : list;
                });
                removed++;
            }
        }
        return removed;
    }
}
