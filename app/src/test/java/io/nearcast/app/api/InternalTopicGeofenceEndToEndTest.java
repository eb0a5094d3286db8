package io.nearcast.app.api;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The geofence end to end with {@code NEARCAST_SIGHTINGS=mqtt}: the gateway publishes sightings and
 * broadcasts to {@code nearcast/v1/internal/stores/{storeId}/sightings}, and the server's geofence
 * service takes them from there (GPS fixes stay in process).
 */
class InternalTopicGeofenceEndToEndTest extends GeofenceEndToEndContract {

    @RegisterExtension
    static final ApiServer server = new ApiServer(() -> {
        Map<String, Object> properties = new HashMap<>(QUICK);
        properties.put("nearcast.sightings", "mqtt");
        return properties;
    });

    @Override
    ApiServer server() {
        return server;
    }
}
