package io.nearcast.sim.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SightingsTest {

    @Test
    void everyMessageDiffersEvenWithinOneMillisecond() {
        Sightings sightings = new Sightings(() -> 1_700_000_000_000L); // a clock that stands still
        Set<String> seen = new HashSet<>();

        for (int i = 0; i < 1_000; i++) {
            seen.add(new String(sightings.next(), StandardCharsets.US_ASCII));
        }

        assertThat(seen).hasSize(1_000);
        assertThat(seen).contains("{\"ts\":1700000000000,\"sightings\":[{\"adv\":\"" + Sightings.ADV + "\",\"rssi\":-127}]}",
                "{\"ts\":1700000000000,\"sightings\":[{\"adv\":\"" + Sightings.ADV + "\",\"rssi\":20}]}",
                "{\"ts\":1700000000001,\"sightings\":[{\"adv\":\"" + Sightings.ADV + "\",\"rssi\":-127}]}");
    }

    @Test
    void followsTheClockWhenItMoves() {
        AtomicLong clock = new AtomicLong(1_700_000_000_000L);
        Sightings sightings = new Sightings(clock::get);
        sightings.next();
        clock.addAndGet(5);

        assertThat(new String(sightings.next(), StandardCharsets.US_ASCII)).startsWith("{\"ts\":1700000000005,").endsWith("\"rssi\":-127}]}");
    }
}
