package io.nearcast.app.api;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The geofence end to end with sightings handed to the geofence service in this JVM (the default). */
class InProcessGeofenceEndToEndTest extends GeofenceEndToEndContract {

    @RegisterExtension
    static final ApiServer server = new ApiServer(QUICK);

    @Override
    ApiServer server() {
        return server;
    }
}
