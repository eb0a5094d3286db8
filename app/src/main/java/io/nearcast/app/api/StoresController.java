package io.nearcast.app.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import io.nearcast.kernel.domain.InvalidField;
import io.nearcast.registry.domain.GeoPoint;
import io.nearcast.registry.domain.NewStore;
import io.nearcast.registry.domain.OpeningHours;
import io.nearcast.registry.domain.StoreChange;
import io.nearcast.registry.domain.Store;
import io.nearcast.registry.domain.Stores;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /api/v1/stores}: admins register stores; staff see, and change, the stores their token is scoped to. */
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

    /** Changes the fields given; {@code "openingHours":{}} removes the opening hours. Staff of the store or admins. */
    @Patch("/{storeId}")
    StoreBody update(HttpRequest<?> request, @PathVariable String storeId, @Body StoreRequest body) {
        StoreChange change = new StoreChange(Optional.ofNullable(body.name()), Optional.ofNullable(body.timezone()),
                Optional.ofNullable(body.location()).map(location -> location.toGeoPoint("location")),
                Optional.ofNullable(body.openingHours()).map(OpeningHoursBody::toOpeningHours));
        return StoreBody.of(stores.update(Callers.of(request), storeId, change));
    }

    /** What a client sends; every field optional here so that a missing one is reported by name. */
    @Serdeable
    record StoreRequest(@Nullable String name, @Nullable String timezone, @Nullable Position location, @Nullable OpeningHoursBody openingHours) {
        NewStore toNewStore() {
            return NewStore.of(name, timezone, location == null ? null : location.toGeoPoint("location"),
                    Optional.ofNullable(openingHours).map(OpeningHoursBody::toOpeningHours));
        }
    }

    /** {@code {"weekly":{"MON":[{"from":"08:00","to":"20:00"}]},"closedDates":["2026-12-25"]}} in the store's time zone. */
    @Serdeable
    record OpeningHoursBody(@Nullable Map<String, List<SpanBody>> weekly, @Nullable List<String> closedDates) {
        OpeningHours toOpeningHours() {
            Map<String, List<OpeningHours.SpanText>> days = new LinkedHashMap<>();
            if (weekly != null) {
                weekly.forEach((day, spans) -> days.put(day, spans == null ? List.of()
                        : spans.stream().map(span -> span == null ? new OpeningHours.SpanText(null, null) : new OpeningHours.SpanText(span.from(), span.to())).toList()));
            }
            return OpeningHours.of(days, closedDates);
        }

        static OpeningHoursBody of(OpeningHours hours) {
            Map<String, List<SpanBody>> days = new LinkedHashMap<>();
            hours.weekly().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> days.put(
                    OpeningHours.abbreviation(entry.getKey()), entry.getValue().stream().map(span -> new SpanBody(span.from(), span.to())).toList()));
            return new OpeningHoursBody(days, hours.closedDates().stream().map(LocalDate::toString).toList());
        }
    }

    @Serdeable
    record SpanBody(@Nullable String from, @Nullable String to) {
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
    record StoreBody(String id, String name, String timezone, Position location, @Nullable OpeningHoursBody openingHours, Instant createdAt) {
        static StoreBody of(Store store) {
            return new StoreBody(store.id().value(), store.name(), store.timezone().getId(), Position.of(store.location()),
                    store.openingHours().map(OpeningHoursBody::of).orElse(null), store.createdAt());
        }
    }
}
