package io.nearcast.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An RFC 9457 problem details body. {@code field} names the offending input for 400/422, so a
 * client can put the message next to the right form field.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field) {

    public static final MediaType MEDIA_TYPE = MediaType.of("application/problem+json");

    /** The problem as a response with the right status and content type. */
    public static MutableHttpResponse<Problem> response(HttpStatus status, String detail, String field) {
        Problem body = new Problem("about:blank", status.getReason(), status.getCode(), detail, field);
        return HttpResponse.<Problem>status(status).contentType(MEDIA_TYPE).body(body);
    }

    public static MutableHttpResponse<Problem> response(HttpStatus status, String detail) {
        return response(status, detail, null);
    }
}
