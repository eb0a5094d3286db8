package io.nearcast.app.campaign;

import io.nearcast.campaign.domain.Occasion;
import io.nearcast.campaign.domain.TriggerType;
import io.nearcast.geofence.domain.ZoneEvent;

/** Zone events as campaign occasions. */
final class ZoneOccasions {

    private ZoneOccasions() {
    }

    static Occasion of(ZoneEvent event) {
        TriggerType trigger = switch (event.type()) {
            case ENTER -> TriggerType.ENTER;
            case DWELL -> TriggerType.DWELL;
            case EXIT -> TriggerType.EXIT;
        };
        return Occasion.zone(event.shopperId(), event.storeId(), event.zoneId(), trigger, event.visitId(), event.at());
    }
}
