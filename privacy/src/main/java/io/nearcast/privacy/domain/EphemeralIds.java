package io.nearcast.privacy.domain;

import io.nearcast.kernel.domain.EphemeralId;
import io.nearcast.kernel.domain.SecretBox;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Resolves a rotating identifier a shopper app broadcast (and an in-store scanner reported) to
 * the shopper, only while the shopper allows {@link Purpose#LOCATION}: the consent is asked at
 * every resolution, so a withdrawal takes effect at once. Identifiers of the previous, current and
 * next rotation period are accepted (clock skew of the phone). Anything unresolvable, or resolvable
 * but without consent, gives empty and may only feed anonymous counts.
 *
 * <p>An index of every shopper's three current identifiers is built once per rotation period (and
 * after {@link #shoppersChanged}), off the ledger, and swapped atomically. Thread-safe.
 */
public final class EphemeralIds {

    /** Every shopper app rotates every 2^10 s (about 17 minutes), as Eddystone-EID beacons commonly do. */
    public static final int EXPONENT = 10;

    private final ShopperRepository shoppers;
    private final SecretBox box;
    private final ProcessingPolicy policy;
    private final AtomicReference<Index> index = new AtomicReference<>();

    private record Index(long quantum, Map<String, ShopperId> byEid) {
    }

    public EphemeralIds(ShopperRepository shoppers, SecretBox box, ProcessingPolicy policy) {
        this.shoppers = shoppers;
        this.box = box;
        this.policy = policy;
    }

    /** @param eid the 8 bytes as broadcast; @param seenAt when the scanner saw it */
    public Optional<ShopperId> resolve(byte[] eid, Instant seenAt) {
        return owner(eid, seenAt).filter(shopper -> policy.mayProcess(shopper, Purpose.LOCATION));
    }

    /**
     * Whether the identifier is a registered shopper app's, whatever the shopper's consent: only to
     * tell an anonymous Nearcast app (counted as anonymous footfall, nothing else) from a stranger's
     * device. Anything per shopper must use {@link #resolve}.
     */
    public boolean isShopperApp(byte[] eid, Instant seenAt) {
        return owner(eid, seenAt).isPresent();
    }

    private Optional<ShopperId> owner(byte[] eid, Instant seenAt) {
        if (eid.length != EphemeralId.BYTES) {
            return Optional.empty();
        }
        long quantum = seenAt.getEpochSecond() >>> EXPONENT;
        Index current = index.get();
        if (current == null || current.quantum() != quantum) {
            current = build(quantum);
            index.set(current);
        }
        return Optional.ofNullable(current.byEid().get(HexFormat.of().formatHex(eid)));
    }

    /** Whether the current index holds identifiers of the shopper (erasure must leave nothing behind). */
    public boolean indexes(ShopperId shopper) {
        Index current = index.get();
        return current != null && current.byEid().containsValue(shopper);
    }

    /** A shopper registered or was erased: the next resolution rebuilds the index. */
    public void shoppersChanged() {
        index.set(null);
    }

    private Index build(long quantum) {
        Map<String, ShopperId> byEid = new HashMap<>();
        for (Shopper shopper : shoppers.withEidKeys()) {
            byte[] key = box.open(shopper.sealedEidKey().orElseThrow(), Shopper.eidKeyPurpose(shopper.id()));
            for (long q = quantum - 1; q <= quantum + 1; q++) {
                byEid.put(HexFormat.of().formatHex(EphemeralId.compute(key, EXPONENT, q << EXPONENT)), shopper.id());
            }
            java.util.Arrays.fill(key, (byte) 0);
        }
        return new Index(quantum, Map.copyOf(byEid));
    }
}
