package io.nearcast.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.nearcast.kernel.domain.InvalidField;
import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import java.util.List;

/** {@code ?page=&size=} in, {@code {"items":[…],"page","size","total"}} out, for every list endpoint. */
final class Paging {

    private Paging() {
    }

    /** @throws InvalidField naming {@code page} or {@code size} */
    static PageRequest request(@Nullable String page, @Nullable String size) {
        return new PageRequest(number("page", page, 0), number("size", size, PageRequest.DEFAULT_SIZE));
    }

    static <T> PageBody<T> body(Page<T> page) {
        return new PageBody<>(page.items(), page.page(), page.size(), page.total());
    }

    private static int number(String field, @Nullable String text, int fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidField(field, "must be a whole number");
        }
    }

    /** Wire form of one page; {@code items} is {@code []} on an empty page, never left out. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PageBody<T>(List<T> items, int page, int size, long total) {
    }
}
