package io.nearcast.campaign.domain;

import io.nearcast.kernel.domain.Caller;
import io.nearcast.kernel.domain.Conflict;
import io.nearcast.kernel.domain.Forbidden;
import io.nearcast.kernel.domain.NotFound;
import io.nearcast.kernel.domain.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What happens to an offer after delivery: opened (its landing page visited), redeemed at the
 * till (staff or POS token of the offer's store; once), dismissed by the shopper, or expired.
 * Each counts in the campaign's statistics, teaches the bandit (redeemed: a success; dismissed or
 * expired: a failure) and moves the shopper's journey. Changes run under the shopper's lock.
 */
public final class OfferLifecycle {

    private final OfferLedger ledger;
    private final Tallies tallies;
    private final OccasionHandler occasions;
    private final Clock clock;

    public OfferLifecycle(OfferLedger ledger, Tallies tallies, OccasionHandler occasions, Clock clock) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.tallies = Objects.requireNonNull(tallies, "tallies");
        this.occasions = Objects.requireNonNull(occasions, "occasions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** An offer staff of its store (and admins) may see; the shopper it was made to too. */
    public Offer get(Caller caller, String offerId) {
        Offer offer = ledger.find(offerId).orElseThrow(() -> new NotFound("offer " + offerId));
        if (!caller.mayAccessStore(offer.storeId()) && !caller.isShopper(offer.shopperId())) {
            throw new NotFound("offer " + offerId);
        }
        return offer;
    }

    /**
     * @throws Forbidden for a shopper token (a shopper cannot redeem their own offer)
     * @throws NotFound  for an offer that does not exist or belongs to another store
     * @throws Conflict  for an offer already redeemed, dismissed or expired
     */
    public Offer redeem(Caller caller, String offerId) {
        if (caller.role() == Role.SHOPPER) {
            throw new Forbidden("offers are redeemed with a staff or POS token of the store");
        }
        Offer offer = ledger.find(offerId).filter(o -> caller.mayAccessStore(o.storeId())).orElseThrow(() -> new NotFound("offer " + offerId));
        Offer redeemed = close(offer, OfferStatus.REDEEMED);
        occasions.signal(redeemed.shopperId(), JourneySignal.REDEMPTION);
        return redeemed;
    }

    /** The shopper does not want it; only the shopper it was made to may dismiss it. */
    public Offer dismiss(Caller caller, String offerId) {
        Offer offer = ledger.find(offerId).filter(o -> caller.isShopper(o.shopperId())).orElseThrow(() -> new NotFound("offer " + offerId));
        return close(offer, OfferStatus.DISMISSED);
    }

    /**
     * The offer's landing page was visited (no token: the offer id in the link is the
     * capability). The first opening counts; a closed offer still shows but counts nothing.
     */
    public Optional<Offer> open(String offerId) {
        Optional<Offer> offer = ledger.find(offerId);
        if (offer.isEmpty()) {
            return Optional.empty();
        }
        Offer current = offer.get();
        if (current.openedAt().isPresent() || !current.status().isOpen()) {
            return offer;
        }
        Optional<Offer> opened = occasions.underLock(current.shopperId(), () -> ledger.transition(offerId, OfferStatus.OPENED, clock.instant()));
        opened.ifPresent(o -> { // this call made the first opening (the ledger changes an offer once)
            tallies.count(o, Metric.OPENED);
            occasions.signal(o.shopperId(), JourneySignal.OFFER_OPENED);
        });
        return opened.or(() -> ledger.find(offerId));
    }

    /** Closes the offers that expired; returns how many. */
    public int expire() {
        List<Offer> expired = ledger.expire(clock.instant());
        expired.forEach(offer -> tallies.count(offer, Metric.EXPIRED));
        return expired.size();
    }

    private Offer close(Offer offer, OfferStatus next) {
        Instant now = clock.instant();
        Optional<Offer> closed = occasions.underLock(offer.shopperId(), () -> ledger.transition(offer.id(), next, now));
        if (closed.isEmpty()) {
            Offer current = ledger.find(offer.id()).orElseThrow(() -> new NotFound("offer " + offer.id()));
            throw new Conflict(current.status().isOpen() ? "the offer expired at " + current.expiresAt()
                    : "the offer was already " + current.status().wireName() + (current.closedAt().map(at -> " at " + at).orElse("")));
        }
        tallies.count(closed.get(), Metric.of(next));
        return closed.get();
    }
}
