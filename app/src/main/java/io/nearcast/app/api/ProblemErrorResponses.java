package io.nearcast.app.api;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * Micronaut's own error answers (malformed JSON, unknown route, wrong method, unsupported media
 * type, body too large) as RFC 9457 problem+json too, so clients parse one error shape.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class ProblemErrorResponses implements ErrorResponseProcessor<Problem> {

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        String detail = context.getErrors().stream().findFirst().map(Error::getMessage).orElse(status.getReason());
        String field = context.getErrors().stream().findFirst().flatMap(Error::getPath).orElse(null);
        Problem body = new Problem("about:blank", status.getReason(), status.getCode(), detail, field, null);
        return response.contentType(Problem.MEDIA_TYPE).body(body);
    }
}
