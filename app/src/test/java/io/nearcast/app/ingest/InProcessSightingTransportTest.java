package io.nearcast.app.ingest;

import io.nearcast.gateway.domain.ingest.SightingSink;

/** The default: the gateway calls the geofence service's sink directly. */
class InProcessSightingTransportTest extends SightingTransportContract {

    @Override
    SightingSink transport(SightingSink receiver) {
        return receiver;
    }
}
