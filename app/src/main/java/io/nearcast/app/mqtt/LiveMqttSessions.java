package io.nearcast.app.mqtt;

import io.nearcast.privacy.domain.PersonalDataHolder;
import io.nearcast.privacy.domain.ShopperId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * A shopper app's open MQTT sessions as personal data in flight: nothing to export or purge, but
 * erasure ends them, so an erased shopper's app is disconnected at once (its token no longer
 * authenticates either).
 */
public final class LiveMqttSessions implements PersonalDataHolder {

    private final ToIntFunction<String> endSessionsOfUser;

    public LiveMqttSessions(ToIntFunction<String> endSessionsOfUser) {
        this.endSessionsOfUser = endSessionsOfUser;
    }

    @Override
    public String name() {
        return "mqtt-sessions";
    }

    @Override
    public List<Map<String, String>> export(ShopperId shopper) {
        return List.of();
    }

    @Override
    public long erase(ShopperId shopper) {
        return endSessionsOfUser.applyAsInt(shopper.value());
    }

    @Override
    public long purgeRawOlderThan(Instant cutoff) {
        return 0;
    }
}
