package io.nearcast.app.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import io.nearcast.kernel.domain.InvalidField;
import io.nearcast.registry.domain.GeoPoint;
import io.nearcast.registry.domain.NewStore;
import io.nearcast.registry.domain.Store;
import io.nearcast.registry.domain.Stores;
import java.net.URI;
import java.time.Instant;

/** {@code /api/v1/stores}: admins register stores; staff see the stores their token is scoped to. */
@Controller("/api/v1/stores")
final class StoresController {

    private final Stores stores;

    StoresController(Stores stores) {
        this.stores = stores;
    }

    @Post
    HttpResponse<StoreBody> create(HttpRequest<?> request, @Body StoreRequest body) {
        Store store = stores.create(Callers.of(request), body.toNewStore());
        return HttpResponse.created(StoreBody.of(store), URI.create("/api/v1/stores/" + store.id()));
    }

    @Get
    Paging.PageBody<StoreBody> list(HttpRequest<?> request, @Nullable @QueryValue String page, @Nullable @QueryValue String size) {
        return Paging.body(stores.list(Callers.of(request), Paging.request(page, size)).map(StoreBody::of));
    }

    @Get("/{storeId}")
    StoreBody get(HttpRequest<?> request, @PathVariable String storeId) {
        return StoreBody.of(stores.get(Callers.of(request), storeId));
    }

    /** What a client sends; every field optional here so that a missing one is reported by name. */
    @Serdeable
    record StoreRequest(@Nullable String name, @Nullable String timezone, @Nullable Position location) {
        NewStore toNewStore() {
            return NewStore.of(name, timezone, location == null ? null : location.toGeoPoint("location"));
        }
    }

    @Serdeable
    record Position(@Nullable Double lat, @Nullable Double lon) {
        /** @param field where this position sits in the request, e.g. {@code location} */
        GeoPoint toGeoPoint(String field) {
            if (lat == null) {
                throw new InvalidField(field + ".lat", "is required");
            }
            if (lon == null) {
                throw new InvalidField(field + ".lon", "is required");
            }
            try {
                return new GeoPoint(lat, lon);
            } catch (InvalidField e) {
                throw new InvalidField(field + "." + e.field(), e.problem());
            }
        }

        static Position of(GeoPoint point) {
            return new Position(point.lat(), point.lon());
        }
    }

    @Serdeable
    record StoreBody(String id, String name, String timezone, Position location, Instant createdAt) {
        static StoreBody of(Store store) {
            return new StoreBody(store.id().value(), store.name(), store.timezone().getId(), Position.of(store.location()), store.createdAt());
        }
    }
}
