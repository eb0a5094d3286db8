package io.nearcast.app.geofence;

import io.micronaut.json.JsonMapper;
import io.nearcast.app.mqtt.ConfirmedPublisher;
import io.nearcast.gateway.domain.ingest.ShopperBroadcasts;
import io.nearcast.geofence.domain.GeofenceRecorder;
import io.nearcast.geofence.domain.InMemoryPresenceStore;
import io.nearcast.geofence.domain.LiveZoneIndex;
import io.nearcast.geofence.domain.PresenceRules;
import io.nearcast.geofence.domain.PresenceTracker;
import io.nearcast.geofence.domain.ZoneEvent;
import io.nearcast.geofence.domain.ZoneEventSink;
import io.nearcast.geofence.domain.ZoneHours;
import io.nearcast.geofence.domain.ZoneIndex;
import io.nearcast.geofence.domain.ZoneStatistics;
import io.nearcast.geofence.jdbc.JdbcVisitHistory;
import io.nearcast.geofence.jdbc.JdbcZoneHours;
import io.nearcast.geofence.privacy.PresenceRecords;
import io.nearcast.privacy.domain.EphemeralIds;
import io.nearcast.privacy.domain.ProcessingPolicy;
import io.nearcast.privacy.domain.Purpose;
import io.nearcast.privacy.domain.ShopperId;
import io.nearcast.registry.domain.DeviceRepository;
import io.nearcast.registry.domain.ZoneChanges;
import io.nearcast.registry.domain.ZoneListener;
import io.nearcast.registry.domain.ZoneRepository;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The geofence service in the all-in-one server: the zone index built from the registry (rebuilt
 * off the request threads {@value #REBUILD_DELAY_MS} ms after a zone change, and every minute for
 * changes made by other instances), the presence tracker swept every second, the recorder
 * (visit history and zone statistics on the server's database, statistics written every
 * {@value #STATISTICS_EVERY_SECONDS} s) and where zone events go: the recorder, the broker
 * ({@code nearcast/v1/events/zones}) and whatever subscribes in this process (the campaign
 * service). Started by the runtime once the database and the broker are up.
 */
public final class GeofenceService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GeofenceService.class);
    static final long REBUILD_DELAY_MS = 200;
    static final long STATISTICS_EVERY_SECONDS = 10;
    private static final int QUEUE = 100_000;

    private final LiveZoneIndex index = new LiveZoneIndex();
    private final RegistryZones registryZones;
    private final ZoneChanges zoneChanges;
    private final PresenceTracker tracker;
    private final GeofenceRecorder recorder;
    private final ZoneHours hours;
    private final JdbcVisitHistory history;
    private final GeofenceFeed feed;
    private final ShopperBroadcasts broadcasts;
    private final List<ZoneEventSink> subscribers = new CopyOnWriteArrayList<>();
    private final ZoneListener onZoneChange = store -> scheduleRebuild();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "nearcast-geofence");
        thread.setDaemon(true);
        return thread;
    });
    private volatile ZoneEventPublisher publisher;
    private ScheduledFuture<?> pendingRebuild;

    public GeofenceService(PresenceRules rules, int maxShoppers, ZoneRepository zones, ZoneChanges zoneChanges, DeviceRepository devices,
                           ProcessingPolicy policy, EphemeralIds ephemeralIds, DataSource dataSource) {
        this.registryZones = new RegistryZones(zones);
        this.zoneChanges = zoneChanges;
        this.history = new JdbcVisitHistory(dataSource);
        this.hours = new JdbcZoneHours(dataSource);
        ZoneStatistics statistics = new ZoneStatistics();
        this.recorder = new GeofenceRecorder(history, hours, statistics, QUEUE, Duration.ofSeconds(STATISTICS_EVERY_SECONDS));
        this.tracker = new PresenceTracker(rules, index::current, new InMemoryPresenceStore(maxShoppers),
                shopper -> ShopperId.parse(shopper).map(id -> policy.mayProcess(id, Purpose.LOCATION)).orElse(false),
                this::dispatch, statistics, System::currentTimeMillis, () -> ThreadLocalRandom.current().nextLong());
        this.feed = new GeofenceFeed(tracker, new ScannerPlacements(devices, System::nanoTime));
        this.broadcasts = (eid, seenAt) -> ephemeralIds.resolve(eid, seenAt).map(id -> ShopperBroadcasts.Owner.shopper(id.value()))
                .orElseGet(() -> ephemeralIds.isShopperApp(eid, seenAt) ? ShopperBroadcasts.Owner.ANONYMOUS : ShopperBroadcasts.Owner.NOT_OURS);
    }

    /**
     * Builds the zone index, starts the recorder, the sweep and (when a publisher is given) the
     * events to the broker.
     *
     * @param events publishes to the broker at QoS 1, e.g. {@code MqttLink::publish}
     */
    public void start(ConfirmedPublisher.Publisher events, JsonMapper json) {
        ZoneIndex built = index.replace(registryZones.all());
        LOG.info("Zone index: {} zones", built.size());
        zoneChanges.subscribe(onZoneChange);
        recorder.start();
        ZoneEventPublisher mqtt = new ZoneEventPublisher(events, json, QUEUE);
        mqtt.start();
        publisher = mqtt;
        scheduler.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(this::rebuild, 60, 60, TimeUnit.SECONDS);
    }

    /** Another part of this process (the campaign service) hears every zone event too; it must return quickly. */
    public void subscribe(ZoneEventSink sink) {
        subscribers.add(sink);
    }

    public PresenceTracker tracker() {
        return tracker;
    }

    public ZoneIndex zones() {
        return index.current();
    }

    public ZoneHours statistics() {
        return hours;
    }

    public GeofenceRecorder recorder() {
        return recorder;
    }

    /** The gateway's sightings, broadcasts and fixes go here. */
    public GeofenceFeed feed() {
        return feed;
    }

    /** Tells the gateway whose app a heard rotating identifier is. */
    public ShopperBroadcasts broadcasts() {
        return broadcasts;
    }

    /** Presence and visit history as personal data (export, erasure, retention). */
    public PresenceRecords personalData() {
        return new PresenceRecords(tracker, recorder, history);
    }

    ZoneEventPublisher publisher() {
        return publisher;
    }

    /** Stops sweeping and rebuilding, publishes and records what is pending. */
    @Override
    public void close() {
        zoneChanges.unsubscribe(onZoneChange);
        scheduler.shutdownNow();
        ZoneEventPublisher mqtt = publisher;
        if (mqtt != null) {
            mqtt.close();
        }
        recorder.close();
    }

    private void dispatch(ZoneEvent event) {
        recorder.accept(event);
        ZoneEventPublisher mqtt = publisher;
        if (mqtt != null) {
            mqtt.accept(event);
        }
        for (ZoneEventSink subscriber : subscribers) {
            subscriber.accept(event);
        }
    }

    private void sweep() {
        try {
            tracker.sweep();
        } catch (RuntimeException e) {
            LOG.warn("Presence sweep failed: {}", e.toString());
        }
    }

    /** Changes in quick succession (an import, a script) give one rebuild; one that comes while a rebuild runs gives another after it. */
    private synchronized void scheduleRebuild() {
        if (pendingRebuild != null) {
            pendingRebuild.cancel(false); // not yet started: replaced; already running: the next one reads the newer zones
        }
        pendingRebuild = scheduler.schedule(this::rebuild, REBUILD_DELAY_MS, TimeUnit.MILLISECONDS);
    }

    private void rebuild() {
        try {
            index.replace(registryZones.all());
        } catch (RuntimeException e) {
            LOG.warn("Zone index rebuild failed, the previous index stays: {}", e.toString());
        }
    }
}
