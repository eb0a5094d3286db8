package io.nearcast.campaign.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Campaign dwell times: a campaign with its own {@code dwellSeconds} fires when the shopper is
 * still in the zone that long after entering. On an enter the timers of the zone's campaign
 * dwell times start; the exit of the visit cancels them; {@link #due} hands out those reached.
 * Consenting shoppers only (the caller checks); erasure forgets them. Thread-safe.
 */
public final class DwellTimers {

    private final Map<String, Pending> byVisit = new ConcurrentHashMap<>();

    private record Pending(String shopperId, String storeId, String zoneId, Instant enteredAt, List<Duration> remaining) {
    }

    /** Starts the timers of a visit. */
    public void entered(String visitId, String shopperId, String storeId, String zoneId, Instant at, Set<Duration> dwellTimes) {
        if (!dwellTimes.isEmpty()) {
            byVisit.put(visitId, new Pending(shopperId, storeId, zoneId, at, new ArrayList<>(dwellTimes.stream().sorted().toList())));
        }
    }

    public void exited(String visitId) {
        byVisit.remove(visitId);
    }

    /** The dwell occasions reached by {@code now}; each is handed out once. */
    public List<Occasion> due(Instant now) {
        List<Occasion> due = new ArrayList<>();
        for (Map.Entry<String, Pending> entry : byVisit.entrySet()) {
            byVisit.computeIfPresent(entry.getKey(), (visitId, pending) -> {
                Iterator<Duration> times = pending.remaining.iterator();
                while (times.hasNext()) {
                    Duration dwell = times.next();
                    if (pending.enteredAt.plus(dwell).isAfter(now)) {
                        break;
                    }
                    due.add(new Occasion(pending.shopperId, pending.storeId, Optional.of(pending.zoneId), TriggerType.DWELL, Optional.of(dwell),
                            Optional.empty(), visitId, pending.enteredAt.plus(dwell)));
                    times.remove();
                }
                return pending.remaining.isEmpty() ? null : pending;
            });
        }
        return due;
    }

    /** @return how many visits' timers went */
    public int forget(String shopperId) {
        int before = byVisit.size();
        byVisit.values().removeIf(pending -> pending.shopperId.equals(shopperId));
        return before - byVisit.size();
    }

    public boolean holds(String shopperId) {
        return byVisit.values().stream().anyMatch(pending -> pending.shopperId.equals(shopperId));
    }

    public int size() {
        return byVisit.size();
    }
}
