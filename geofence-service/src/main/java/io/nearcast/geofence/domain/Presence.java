package io.nearcast.geofence.domain;

import io.nearcast.geofence.domain.ZoneEvent.ExitReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one consenting shopper is: the observations still waiting for reordering, what the shopper
 * hears of each anchor, the zone the beacons place them in (and the zone that is about to take
 * over), the last accepted GPS fix, and the open visits. Turns observations into
 * {@link ZoneEvent}s by the {@link PresenceRules}.
 *
 * <p>Time: observations are processed in event time (their {@code at}), in order, after the
 * reorder window; silence is judged in wall-clock time (nothing arrived), so a phone with a wrong
 * clock is still let go. An observation older than the last processed one is late: counted, not
 * used, so nothing is counted twice.
 *
 * <p>Not thread-safe: a {@link PresenceStore} gives one change at a time exclusive access.
 * Memory is kept small on purpose (the target is under 1 KB per tracked shopper): primitives,
 * small arrays, and strings shared with the registry.
 */
public final class Presence {

    /** Observations waiting for reordering; beyond this the oldest is processed at once (counted). */
    static final int MAX_PENDING = 64;
    private static final AnchorTrack[] NO_ANCHORS = new AnchorTrack[0];
    private static final Visit[] NO_VISITS = new Visit[0];
    private static final long NONE = Long.MIN_VALUE;

    /**
     * An observation waiting for reordering, kept compact (a waiting report costs per sighting
     * about 48 bytes instead of the 120 of the record with its Instant and Optionals).
     */
    private abstract static class Pending {
        final long at;
        final long arrivedAt;

        Pending(long at, long arrivedAt) {
            this.at = at;
            this.arrivedAt = arrivedAt;
        }

        final long at() {
            return at;
        }

        final long arrivedAt() {
            return arrivedAt;
        }

        static Pending of(Observation observation, long at, long arrivedAt) {
            if (observation instanceof ProximitySighting sighting) {
                return new PendingSighting(sighting, at, arrivedAt);
            }
            return new PendingFix((GpsFix) observation, at, arrivedAt);
        }
    }

    private static final class PendingSighting extends Pending {
        final String storeId;
        final String anchorId;
        final String zoneId;
        final short rssi;
        final short txPower;

        PendingSighting(ProximitySighting sighting, long at, long arrivedAt) {
            super(at, arrivedAt);
            this.storeId = sighting.storeId();
            this.anchorId = sighting.anchorId();
            this.zoneId = sighting.zoneId().orElseThrow();
            this.rssi = (short) sighting.rssi();
            this.txPower = (short) sighting.txPower();
        }
    }

    private static final class PendingFix extends Pending {
        final double lat;
        final double lon;
        final double accuracyMeters;

        PendingFix(GpsFix fix, long at, long arrivedAt) {
            super(at, arrivedAt);
            this.lat = fix.lat();
            this.lon = fix.lon();
            this.accuracyMeters = fix.accuracyMeters();
        }
    }

    private final String shopperId;
    private long touchedAt;
    private long newestAt = NONE;
    private long horizon = NONE;
    private Pending[] pending;
    private int pendingCount;

    private AnchorTrack[] anchors = NO_ANCHORS;
    private int anchorCount;
    private String beaconStore;
    private String beaconZone;
    private boolean hasCandidate;
    private String candidateStore;
    private String candidateZone;
    private long candidateSince;

    private long fixAt = NONE;
    private long fixArrivedAt;
    private double fixLat;
    private double fixLon;
    private float fixAccuracy;

    private Visit[] visits = NO_VISITS;
    private int visitCount;
    private boolean retired;

    Presence(String shopperId) {
        this.shopperId = Objects.requireNonNull(shopperId, "shopperId");
    }

    public String shopperId() {
        return shopperId;
    }

    /** Whether the store may drop this presence: nothing open, nothing pending, quiet for the idle expiry. */
    public boolean retired() {
        return retired;
    }

    /** Wall-clock time of the last observation, epoch ms (for choosing whom to evict). */
    public long touchedAt() {
        return touchedAt;
    }

    // ---------------------------------------------------------------- input

    void offer(Observation observation, PresenceContext context) {
        touchedAt = context.now;
        retired = false;
        long at = observation.at().toEpochMilli();
        if (pendingCount == MAX_PENDING) {
            context.counters.forcedRelease();
            process(takeFirst(), context);
        }
        if (at < horizon) {
            context.counters.late();
            return;
        }
        insert(Pending.of(observation, at, context.now));
        newestAt = Math.max(newestAt, at);
        release(context);
    }

    /** Processes, in time order, every observation that has waited long enough and all before it. */
    private void release(PresenceContext context) {
        long window = context.rules.reorderWindow().toMillis();
        int due = -1;
        for (int i = 0; i < pendingCount; i++) {
            Pending waiting = pending[i];
            if (waiting.at() <= newestAt - window || context.now - waiting.arrivedAt() >= window) {
                due = i;
            }
        }
        for (int i = 0; i <= due; i++) {
            process(takeFirst(), context);
        }
    }

    private void insert(Pending entry) {
        if (pending == null) {
            pending = new Pending[4];
        } else if (pendingCount == pending.length) {
            pending = Arrays.copyOf(pending, Math.min(MAX_PENDING, pending.length * 2));
        }
        int slot = pendingCount;
        while (slot > 0 && pending[slot - 1].at() > entry.at()) { // after equal times: arrival order
            pending[slot] = pending[slot - 1];
            slot--;
        }
        pending[slot] = entry;
        pendingCount++;
    }

    private Pending takeFirst() {
        Pending first = pending[0];
        System.arraycopy(pending, 1, pending, 0, pendingCount - 1);
        pending[--pendingCount] = null;
        if (pendingCount == 0) {
            pending = null; // most shoppers have nothing waiting most of the time
        }
        return first;
    }

    private void process(Pending entry, PresenceContext context) {
        horizon = Math.max(horizon, entry.at());
        if (entry instanceof PendingSighting sighting) {
            hear(sighting, context);
        } else {
            fix((PendingFix) entry, context);
        }
    }

    // ---------------------------------------------------------------- beacons

    private void hear(PendingSighting sighting, PresenceContext context) {
        PresenceRules.BeaconRules rules = context.rules.beacon();
        track(sighting.anchorId, rules).hear(sighting.storeId, sighting.zoneId, sighting.rssi, sighting.txPower, sighting.at, sighting.arrivedAt, rules);
        decideBeaconZone(sighting.at, context);
    }

    private AnchorTrack track(String anchorId, PresenceRules.BeaconRules rules) {
        for (int i = 0; i < anchorCount; i++) {
            if (anchors[i].anchorId.equals(anchorId)) {
                return anchors[i];
            }
        }
        AnchorTrack track = new AnchorTrack(anchorId);
        if (anchorCount < rules.maxAnchors()) {
            if (anchorCount == anchors.length) {
                anchors = Arrays.copyOf(anchors, Math.min(rules.maxAnchors(), Math.max(4, anchors.length * 2)));
            }
            anchors[anchorCount++] = track;
        } else {
            anchors[leastRecentlyHeard()] = track;
        }
        return track;
    }

    private int leastRecentlyHeard() {
        int oldest = 0;
        for (int i = 1; i < anchorCount; i++) {
            if (anchors[i].heardAt < anchors[oldest].heardAt) {
                oldest = i;
            }
        }
        return oldest;
    }

    /**
     * The beacon zone with hysteresis: the current zone stays while its signal is within the
     * margin of the range and no other zone beats it by the margin; any change (to another zone,
     * or to none) must hold for the switch time.
     */
    private void decideBeaconZone(long at, PresenceContext context) {
        PresenceRules.BeaconRules rules = context.rules.beacon();
        long silence = rules.silence().toMillis();
        AnchorTrack best = null;
        double bestSignal = Double.NEGATIVE_INFINITY;
        double currentSignal = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < anchorCount; i++) {
            AnchorTrack anchor = anchors[i];
            if (at - anchor.heardAt > silence) {
                continue;
            }
            double signal = anchor.signalAt(at, rules);
            if (beaconZone != null && anchor.inZone(beaconStore, beaconZone)) {
                currentSignal = Math.max(currentSignal, signal);
            }
            if (best == null || signal > bestSignal || (signal == bestSignal && ordersBefore(anchor, best))) {
                best = anchor;
                bestSignal = signal;
            }
        }
        double enter = rules.enterSignalDb();
        boolean currentHolds = beaconZone != null && currentSignal >= enter - rules.marginDb();
        AnchorTrack target;
        if (currentHolds) {
            boolean overtaken = !best.inZone(beaconStore, beaconZone) && bestSignal >= enter && bestSignal >= currentSignal + rules.marginDb();
            if (!overtaken) {
                hasCandidate = false;
                evidence(beaconStore, beaconZone, at, context);
                return;
            }
            target = best;
        } else {
            target = best != null && bestSignal >= enter ? best : null;
            if (target == null && beaconZone == null) {
                hasCandidate = false;
                return;
            }
        }
        propose(target == null ? null : target.storeId, target == null ? null : target.zoneId, at, context);
    }

    /** A change of beacon zone is proposed at {@code at}; it happens once it has held for the switch time. */
    private void propose(String store, String zone, long at, PresenceContext context) {
        if (!hasCandidate || !Objects.equals(candidateZone, zone) || !Objects.equals(candidateStore, store)) {
            hasCandidate = true;
            candidateStore = store;
            candidateZone = zone;
            candidateSince = at;
        }
        if (at - candidateSince < context.rules.beacon().switchTime().toMillis()) {
            return;
        }
        if (beaconZone != null) {
            leave(beaconStore, beaconZone, Visit.BEACON, at, zone == null ? ExitReason.LEFT : ExitReason.SWITCHED, context);
        }
        beaconStore = store;
        beaconZone = zone;
        hasCandidate = false;
        if (zone != null) {
            arrive(store, zone, Visit.BEACON, at, context);
        }
    }

    private static boolean ordersBefore(AnchorTrack a, AnchorTrack b) {
        int byStore = a.storeId.compareTo(b.storeId);
        if (byStore != 0) {
            return byStore < 0;
        }
        int byZone = a.zoneId.compareTo(b.zoneId);
        return byZone != 0 ? byZone < 0 : a.anchorId.compareTo(b.anchorId) < 0;
    }

    // ---------------------------------------------------------------- GPS

    private void fix(PendingFix fix, PresenceContext context) {
        PresenceRules.GpsRules rules = context.rules.gps();
        long at = fix.at;
        if (fix.accuracyMeters > rules.maxAccuracyMeters()) {
            context.counters.inaccurateFix();
            return;
        }
        if (fixAt != NONE && impossibleJump(fix, at, rules)) {
            context.counters.suspiciousFix();
            return;
        }
        fixAt = at;
        fixArrivedAt = fix.arrivedAt;
        fixLat = fix.lat;
        fixLon = fix.lon;
        fixAccuracy = (float) fix.accuracyMeters;
        context.counters.fix();
        List<ZoneMatch> reached = context.zones.zonesReached(fix.lat, fix.lon, fix.accuracyMeters);
        for (int i = visitCount - 1; i >= 0; i--) {
            Visit visit = visits[i];
            if ((visit.sources & Visit.GPS) != 0 && !reaches(reached, visit)) {
                leave(visit.storeId, visit.zoneId, Visit.GPS, at, ExitReason.LEFT, context);
            }
        }
        for (ZoneMatch match : reached) {
            Visit visit = visit(match.storeId(), match.zoneId());
            if (visit != null && (visit.sources & Visit.GPS) != 0) {
                evidence(match.storeId(), match.zoneId(), at, context);
            } else if (match.within()) {
                arrive(match.storeId(), match.zoneId(), Visit.GPS, at, context);
            }
        }
    }

    /** Faster than the speed limit even if both fixes were off by their whole accuracy towards each other. */
    private boolean impossibleJump(PendingFix fix, long at, PresenceRules.GpsRules rules) {
        double unexplained = Haversine.distanceMeters(fixLat, fixLon, fix.lat, fix.lon) - fixAccuracy - fix.accuracyMeters;
        double seconds = Math.max(1, at - fixAt) / 1000.0;
        return unexplained > 0 && unexplained / seconds > rules.maxSpeedMetersPerSecond();
    }

    private static boolean reaches(List<ZoneMatch> reached, Visit visit) {
        for (ZoneMatch match : reached) {
            if (visit.is(match.storeId(), match.zoneId())) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- sweep

    /**
     * The wall clock moved on: observations that waited long enough are processed, silent zones
     * are left, forgotten anchors dropped; afterwards {@link #retired()} says whether anything is
     * left worth keeping.
     */
    void sweep(PresenceContext context) {
        if (pendingCount > 0) {
            release(context);
        }
        long now = context.now;
        PresenceRules.BeaconRules beaconRules = context.rules.beacon();
        long silence = beaconRules.silence().toMillis();
        if (beaconZone != null) {
            endSilentBeaconZone(now, silence, context);
        }
        dropAnchorsQuietFor(now, silence);
        if (fixAt != NONE && now - fixArrivedAt >= context.rules.gps().silence().toMillis()) {
            for (int i = visitCount - 1; i >= 0; i--) {
                Visit visit = visits[i];
                if ((visit.sources & Visit.GPS) != 0) {
                    leave(visit.storeId, visit.zoneId, Visit.GPS, Math.max(fixAt, visit.enteredAt), ExitReason.SILENT, context);
                }
            }
        }
        retired = visitCount == 0 && pendingCount == 0 && now - touchedAt >= context.rules.idleExpiry().toMillis();
    }

    private void endSilentBeaconZone(long now, long silence, PresenceContext context) {
        long lastArrival = NONE;
        long lastHeard = NONE;
        for (int i = 0; i < anchorCount; i++) {
            if (anchors[i].inZone(beaconStore, beaconZone)) {
                lastArrival = Math.max(lastArrival, anchors[i].arrivedAt);
                lastHeard = Math.max(lastHeard, anchors[i].heardAt);
            }
        }
        if (lastArrival != NONE && now - lastArrival < silence) {
            return;
        }
        Visit visit = visit(beaconStore, beaconZone);
        long at = visit == null ? lastHeard : Math.max(lastHeard, visit.enteredAt);
        leave(beaconStore, beaconZone, Visit.BEACON, at, ExitReason.SILENT, context);
        beaconStore = null;
        beaconZone = null;
        hasCandidate = false;
    }

    private void dropAnchorsQuietFor(long now, long silence) {
        int kept = 0;
        for (int i = 0; i < anchorCount; i++) {
            if (now - anchors[i].arrivedAt < silence) {
                anchors[kept++] = anchors[i];
            }
        }
        Arrays.fill(anchors, kept, anchorCount, null);
        anchorCount = kept;
        if (kept == 0) {
            anchors = NO_ANCHORS;
        }
    }

    /** Tracking stops (consent withdrawn, or evicted): every open visit ends now, nothing more is kept. */
    void end(ExitReason reason, PresenceContext context) {
        long at = horizon == NONE ? context.now : horizon;
        for (int i = visitCount - 1; i >= 0; i--) {
            Visit visit = visits[i];
            emitExit(visit, Math.max(at, visit.enteredAt), reason, context);
        }
        Arrays.fill(visits, null);
        visitCount = 0;
        pending = null;
        pendingCount = 0;
        retired = true;
    }

    // ---------------------------------------------------------------- visits

    private void arrive(String store, String zone, int source, long at, PresenceContext context) {
        Visit visit = visit(store, zone);
        if (visit != null) {
            visit.sources |= source;
            return;
        }
        visit = new Visit(context.visitIds.getAsLong(), store, zone, at, source);
        if (visitCount == visits.length) {
            visits = Arrays.copyOf(visits, Math.max(2, visits.length * 2));
        }
        visits[visitCount++] = visit;
        context.counters.event(ZoneEvent.Type.ENTER);
        context.events.accept(new ZoneEvent(visit.visitId(), shopperId, store, zone, ZoneEvent.Type.ENTER, Instant.ofEpochMilli(at),
                Optional.empty(), Optional.empty()));
        evidence(store, zone, at, context); // a zone with a dwell time of 0 would dwell at once; dwell times are positive
    }

    private void leave(String store, String zone, int source, long at, ExitReason reason, PresenceContext context) {
        for (int i = 0; i < visitCount; i++) {
            Visit visit = visits[i];
            if (!visit.is(store, zone)) {
                continue;
            }
            visit.sources &= ~source;
            if (visit.sources == 0) {
                System.arraycopy(visits, i + 1, visits, i, visitCount - i - 1);
                visits[--visitCount] = null;
                emitExit(visit, at, reason, context);
            }
            return;
        }
    }

    private void evidence(String store, String zone, long at, PresenceContext context) {
        Visit visit = visit(store, zone);
        if (visit == null || visit.dwelt || at - visit.enteredAt < context.dwellMillis(store, zone)) {
            return;
        }
        visit.dwelt = true;
        context.counters.event(ZoneEvent.Type.DWELL);
        context.events.accept(new ZoneEvent(visit.visitId(), shopperId, store, zone, ZoneEvent.Type.DWELL, Instant.ofEpochMilli(at),
                Optional.of(Duration.ofMillis(at - visit.enteredAt)), Optional.empty()));
    }

    private void emitExit(Visit visit, long at, ExitReason reason, PresenceContext context) {
        context.counters.event(ZoneEvent.Type.EXIT);
        context.events.accept(new ZoneEvent(visit.visitId(), shopperId, visit.storeId, visit.zoneId, ZoneEvent.Type.EXIT, Instant.ofEpochMilli(at),
                Optional.of(Duration.ofMillis(Math.max(0, at - visit.enteredAt))), Optional.of(reason)));
    }

    private Visit visit(String store, String zone) {
        for (int i = 0; i < visitCount; i++) {
            if (visits[i].is(store, zone)) {
                return visits[i];
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- export

    /** Everything held about the shopper here, for an export. */
    PresenceView view(PresenceRules rules) {
        List<PresenceView.OpenVisit> open = new ArrayList<>();
        for (int i = 0; i < visitCount; i++) {
            Visit visit = visits[i];
            open.add(new PresenceView.OpenVisit(visit.visitId(), visit.storeId, visit.zoneId, Instant.ofEpochMilli(visit.enteredAt), visit.dwelt,
                    (visit.sources & Visit.BEACON) != 0, (visit.sources & Visit.GPS) != 0));
        }
        List<PresenceView.Heard> heard = new ArrayList<>();
        for (int i = 0; i < anchorCount; i++) {
            AnchorTrack anchor = anchors[i];
            double signal = anchor.estimate - anchor.txPower;
            heard.add(new PresenceView.Heard(anchor.anchorId, anchor.storeId, anchor.zoneId, Math.round(anchor.estimate * 10) / 10.0,
                    Math.round(PathLoss.distanceMeters(signal, rules.beacon().pathLossExponent()) * 10) / 10.0, Instant.ofEpochMilli(anchor.heardAt)));
        }
        Optional<PresenceView.Position> position = fixAt == NONE ? Optional.empty()
                : Optional.of(new PresenceView.Position(fixLat, fixLon, fixAccuracy, Instant.ofEpochMilli(fixAt)));
        return new PresenceView(shopperId, open, Optional.ofNullable(beaconZone), heard, position, pendingCount);
    }
}
