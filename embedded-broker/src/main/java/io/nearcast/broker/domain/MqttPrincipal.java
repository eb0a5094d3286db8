package io.nearcast.broker.domain;

import java.util.List;
import java.util.Objects;

/**
 * An authenticated MQTT client and the topics it may use.
 *
 * @param name             who it is (service account, device id or shopper id); not secret, not personal
 * @param role             what kind of client it is
 * @param publishFilters   filters every published topic must match
 * @param subscribeFilters filters every subscription must be covered by
 */
public record MqttPrincipal(String name, Role role, List<String> publishFilters, List<String> subscribeFilters) {

    /** The kinds of MQTT clients Nearcast knows. */
    public enum Role { SERVICE, DEVICE, SHOPPER }

    public MqttPrincipal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        publishFilters = List.copyOf(publishFilters);
        subscribeFilters = List.copyOf(subscribeFilters);
        for (String filter : publishFilters) {
            requireValid(filter);
        }
        for (String filter : subscribeFilters) {
            requireValid(filter);
        }
    }

    public boolean mayPublish(String topic) {
        return publishFilters.stream().anyMatch(filter -> TopicFilters.matches(filter, topic));
    }

    /** Shared subscriptions are judged by the filter inside them. */
    public boolean maySubscribe(String filter) {
        String effective = TopicFilters.withoutSharePrefix(filter);
        return TopicFilters.isValidFilter(effective)
                && subscribeFilters.stream().anyMatch(allowed -> TopicFilters.covers(allowed, effective));
    }

    private static void requireValid(String filter) {
        if (!TopicFilters.isValidFilter(filter)) {
            throw new IllegalArgumentException("invalid topic filter: " + filter);
        }
    }
}
