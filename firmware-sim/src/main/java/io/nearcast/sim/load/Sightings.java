package io.nearcast.sim.load;

import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;

/**
 * Scanner messages as CONTRACT §3 has them, {@code {"ts":<epoch ms>,"sightings":[{"adv":"<hex>","rssi":<dBm>}]}},
 * each one different from every other this generator made: the gateway drops a payload repeated on
 * the same topic within 10 minutes as a duplicate. {@code ts} follows the clock; within one
 * millisecond the RSSI steps through -127..20, and only after 148 messages in one millisecond does
 * {@code ts} run ahead of the clock by a millisecond. Thread-safe.
 */
final class Sightings {

    /** An iBeacon advertisement (UUID E2C56DB5-DFFB-48D2-B060-D0F5A71096E0, major 1, minor 2, tx power -59). */
    static final String ADV = "0201061AFF4C000215E2C56DB5DFFB48D2B060D0F5A71096E000010002C5";

    static final int MIN_RSSI = -127;
    static final int MAX_RSSI = 20;

    private final LongSupplier clockMillis;
    private long ts = Long.MIN_VALUE;
    private int step;

    Sightings(LongSupplier clockMillis) {
        this.clockMillis = clockMillis;
    }

    static Sightings live() {
        return new Sightings(System::currentTimeMillis);
    }

    synchronized byte[] next() {
        long now = clockMillis.getAsLong();
        if (now > ts) {
            ts = now;
            step = 0;
        } else if (++step > MAX_RSSI - MIN_RSSI) {
            ts++;
            step = 0;
        }
        String json = "{\"ts\":" + ts + ",\"sightings\":[{\"adv\":\"" + ADV + "\",\"rssi\":" + (MIN_RSSI + step) + "}]}";
        return json.getBytes(StandardCharsets.US_ASCII);
    }
}
