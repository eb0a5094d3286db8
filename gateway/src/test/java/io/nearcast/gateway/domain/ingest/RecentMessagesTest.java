package io.nearcast.gateway.domain.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RecentMessagesTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aRepeatWithinTheWindowIsADuplicateAndAfterItIsNot() {
        RecentMessages recent = new RecentMessages(Duration.ofSeconds(10), 100);

        assertThat(recent.firstTime("m1", 0)).isTrue();
        assertThat(recent.firstTime("m1", 9 * SECOND)).isFalse();
        assertThat(recent.firstTime("m2", 9 * SECOND)).isTrue();
        assertThat(recent.firstTime("m1", 10 * SECOND)).isTrue();
    }

    @Test
    void staysWithinItsBoundForgettingTheOldestFirst() {
        RecentMessages recent = new RecentMessages(Duration.ofMinutes(10), 3);
        for (String key : new String[] {"a", "b", "c", "d"}) {
            recent.firstTime(key, 0);
        }

        assertThat(recent.size()).isEqualTo(3);
        assertThat(recent.firstTime("d", SECOND)).isFalse();
        assertThat(recent.firstTime("a", SECOND)).as("forgotten, so it passes again").isTrue();
    }
}
