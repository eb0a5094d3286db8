package io.nearcast.gateway.domain.ingest;

import java.util.List;
import java.util.Optional;

/**
 * The gate every device message passes before its content is looked at, in this order: a
 * registered, enabled device of the store (else {@code unknown-device}), the device's rate
 * limit (a refused message is not remembered, so its retry is not mistaken for a repeat), then
 * de-duplication (a repeat is acknowledged, dropped and counted). Counts the message. Thread-safe.
 */
final class Admission {

    private final KnownDevices devices;
    private final DeviceRateLimits limits;
    private final RecentMessages recent;
    private final IngestCounters counters;
    private final Reject unknown;

    Admission(KnownDevices devices, DeviceRateLimits limits, RecentMessages recent, IngestCounters counters) {
        this(devices, limits, recent, counters, new Reject("unknown-device", "no enabled device with this id in this store"));
    }

    /** @param unknown what a sender the {@code devices} port does not know is told */
    Admission(KnownDevices devices, DeviceRateLimits limits, RecentMessages recent, IngestCounters counters, Reject unknown) {
        this.unknown = unknown;
        this.devices = devices;
        this.limits = limits;
        this.recent = recent;
        this.counters = counters;
    }

    /** Empty if the message may go on; otherwise what became of it (already counted). */
    Optional<ScannerIngest.Result> stop(String messageKey, String storeId, String deviceId, long nowNanos) {
        counters.message();
        if (!devices.isActive(storeId, deviceId)) {
            return Optional.of(rejected(unknown));
        }
        Optional<Reject> limited = limits.admit(deviceId, nowNanos);
        if (limited.isPresent()) {
            return Optional.of(rejected(limited.get()));
        }
        if (!recent.firstTime(messageKey, nowNanos)) {
            counters.duplicate();
            return Optional.of(new ScannerIngest.Result(0, true, List.of()));
        }
        return Optional.empty();
    }

    /**
     * Lets a repeat of this message through again: for a message rejected as a whole, so that a
     * repeat (a CoAP retry with a new message id, an MQTT redelivery) gets the same answer rather
     * than being taken for a repeat of something accepted.
     */
    void forget(String messageKey) {
        recent.forget(messageKey);
    }

    /** A message refused before admission (unreadable, too large): counted as a message and a reject. */
    ScannerIngest.Result refuse(Reject reject) {
        counters.message();
        return rejected(reject);
    }

    private ScannerIngest.Result rejected(Reject reject) {
        counters.rejected(reject.reason());
        return new ScannerIngest.Result(0, false, List.of(reject));
    }
}
