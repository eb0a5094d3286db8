package io.nearcast.gateway.domain.ingest;

import java.util.Objects;

/** Who saw a beacon: an in-store scanner, a shopper's app with location consent, or an app without it (anonymous). */
public sealed interface Observer {

    /** An in-store scanner of the registry. */
    record Scanner(String deviceId) implements Observer {
        public Scanner {
            Objects.requireNonNull(deviceId, "deviceId");
        }
    }

    /** A shopper's app, allowed to be located (the {@code location} consent purpose). */
    record Shopper(String shopperId) implements Observer {
        public Shopper {
            Objects.requireNonNull(shopperId, "shopperId");
        }
    }

    /** A shopper's app without location consent: counts for anonymous aggregates only, carries no id. */
    record AnonymousShopper() implements Observer {
    }
}
