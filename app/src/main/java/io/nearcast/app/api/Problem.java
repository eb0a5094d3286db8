package io.nearcast.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * An RFC 9457 problem details body. {@code field} names the offending input for 400/422, so a
 * client can put the message next to the right form field.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, @Nullable String field, @Nullable List<FieldProblem> errors) {

    /** One of several problems (bulk requests): which input, and what is wrong with it. */
    @Serdeable
    public record FieldProblem(String field, String detail) {
    }

    public static final MediaType MEDIA_TYPE = MediaType.of("application/problem+json");

    /** The problem as a response with the right status and content type. */
    public static MutableHttpResponse<Problem> response(HttpStatus status, String detail, String field) {
        return response(new Problem("about:blank", status.getReason(), status.getCode(), detail, field, null));
    }

    public static MutableHttpResponse<Problem> response(Problem body) {
        return HttpResponse.<Problem>status(HttpStatus.valueOf(body.status())).contentType(MEDIA_TYPE).body(body);
    }

    public static MutableHttpResponse<Problem> response(HttpStatus status, String detail) {
        return response(status, detail, null);
    }
}
