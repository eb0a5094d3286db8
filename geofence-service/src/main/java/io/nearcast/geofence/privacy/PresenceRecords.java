package io.nearcast.geofence.privacy;

import io.nearcast.geofence.domain.GeofenceRecorder;
import io.nearcast.geofence.domain.PresenceTracker;
import io.nearcast.geofence.domain.PresenceView;
import io.nearcast.geofence.domain.VisitHistory;
import io.nearcast.geofence.domain.VisitRecord;
import io.nearcast.privacy.domain.PersonalDataHolder;
import io.nearcast.privacy.domain.ShopperId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The geofence service as a holder of personal data: a consenting shopper's live presence (open
 * visits, anchors heard with smoothed signal and distance, the last GPS fix) and the visit
 * history. Export writes pending events first, so it shows everything decided so far; erasure
 * forgets the live state before anything else (no further event can be produced for the
 * shopper), then writes what was pending and deletes the history. Retention purges visits that
 * began before the cutoff; live state never lives longer than the idle expiry.
 */
public final class PresenceRecords implements PersonalDataHolder {

    private final PresenceTracker tracker;
    private final GeofenceRecorder recorder;
    private final VisitHistory history;

    public PresenceRecords(PresenceTracker tracker, GeofenceRecorder recorder, VisitHistory history) {
        this.tracker = tracker;
        this.recorder = recorder;
        this.history = history;
    }

    @Override
    public String name() {
        return "zone-presence";
    }

    @Override
    public List<Map<String, String>> export(ShopperId shopper) {
        recorder.flush();
        List<Map<String, String>> records = new ArrayList<>();
        tracker.view(shopper.value()).ifPresent(view -> records.addAll(live(view)));
        history.of(shopper.value()).forEach(visit -> records.add(visit(visit)));
        return records;
    }

    @Override
    public long erase(ShopperId shopper) {
        long live = tracker.forget(shopper.value()) ? 1 : 0;
        recorder.flush();
        return live + history.erase(shopper.value());
    }

    @Override
    public long purgeRawOlderThan(Instant cutoff) {
        recorder.flush();
        return history.purgeEnteredBefore(cutoff);
    }

    private static List<Map<String, String>> live(PresenceView view) {
        List<Map<String, String>> records = new ArrayList<>();
        for (PresenceView.OpenVisit visit : view.visits()) {
            Map<String, String> record = record("open-visit");
            record.put("visitId", visit.visitId());
            record.put("storeId", visit.storeId());
            record.put("zoneId", visit.zoneId());
            record.put("enteredAt", visit.enteredAt().toString());
            record.put("dwelt", String.valueOf(visit.dwelt()));
            record.put("placedBy", visit.byBeacon() && visit.byGps() ? "beacon+gps" : visit.byBeacon() ? "beacon" : "gps");
            records.add(record);
        }
        for (PresenceView.Heard heard : view.heard()) {
            Map<String, String> record = record("anchor-heard");
            record.put("anchorId", heard.anchorId());
            record.put("storeId", heard.storeId());
            record.put("zoneId", heard.zoneId());
            record.put("smoothedRssiDbm", String.valueOf(heard.smoothedRssi()));
            record.put("estimatedDistanceMeters", String.valueOf(heard.estimatedDistanceMeters()));
            record.put("heardAt", heard.heardAt().toString());
            records.add(record);
        }
        view.lastFix().ifPresent(fix -> {
            Map<String, String> record = record("last-position");
            record.put("lat", String.valueOf(fix.lat()));
            record.put("lon", String.valueOf(fix.lon()));
            record.put("accuracyMeters", String.valueOf(fix.accuracyMeters()));
            record.put("at", fix.at().toString());
            records.add(record);
        });
        if (view.pendingObservations() > 0) {
            Map<String, String> record = record("pending-observations");
            record.put("count", String.valueOf(view.pendingObservations()));
            records.add(record);
        }
        return records;
    }

    private static Map<String, String> visit(VisitRecord visit) {
        Map<String, String> record = record("visit");
        record.put("visitId", visit.visitId());
        record.put("storeId", visit.storeId());
        record.put("zoneId", visit.zoneId());
        record.put("enteredAt", visit.enteredAt().toString());
        visit.dweltAt().ifPresent(at -> record.put("dweltAt", at.toString()));
        visit.exitedAt().ifPresent(at -> record.put("exitedAt", at.toString()));
        visit.dwell().ifPresent(dwell -> record.put("dwellMs", String.valueOf(dwell.toMillis())));
        visit.exitReason().ifPresent(reason -> record.put("exitReason", reason));
        return record;
    }

    private static Map<String, String> record(String kind) {
        Map<String, String> record = new LinkedHashMap<>();
        record.put("kind", kind);
        return record;
    }
}
