package io.nearcast.kernel.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopicTest {

    @Test
    void formatsTheContractsScannerTopic() {
        assertThat(Topic.SCANNER_SIGHTINGS.format("store-1", "dev-9"))
                .isEqualTo("nearcast/v1/stores/store-1/devices/dev-9/sightings");
    }

    @Test
    void matchesAConcreteTopicAndReturnsItsIds() {
        assertThat(Topic.SCANNER_SIGHTINGS.match("nearcast/v1/stores/s/devices/d/sightings")).contains(List.of("s", "d"));
        assertThat(Topic.SHOPPER_OFFERS.match("nearcast/v1/shoppers/abc/offers")).contains(List.of("abc"));
        assertThat(Topic.ZONE_EVENTS.match("nearcast/v1/events/zones")).contains(List.of());
    }

    @Test
    void doesNotMatchTopicsOfAnotherShape() {
        assertThat(Topic.SHOPPER_OFFERS.match("nearcast/v1/shoppers/abc/sightings")).isEmpty();
        assertThat(Topic.SHOPPER_OFFERS.match("nearcast/v1/shoppers//offers")).isEmpty();
        assertThat(Topic.SHOPPER_OFFERS.match("nearcast/v1/shoppers/a/b/offers")).isEmpty();
    }

    @Test
    void refusesIdsThatWouldChangeTheTopicsShape() {
        assertThatThrownBy(() -> Topic.SHOPPER_OFFERS.format("a/b")).hasMessageContaining("shopperId");
        assertThatThrownBy(() -> Topic.SHOPPER_OFFERS.format("+")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topic.SHOPPER_OFFERS.format("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topic.SCANNER_SIGHTINGS.format("only-one")).hasMessageContaining("needs 2 ids");
    }

    @Test
    void turnsTemplatesIntoSubscriptionFilters() {
        assertThat(Topic.SCANNER_SIGHTINGS.subscriptionFilter()).isEqualTo("nearcast/v1/stores/+/devices/+/sightings");
        assertThat(Topic.DEVICE_REJECTS.parameterNames()).containsExactly("deviceId");
    }
}
