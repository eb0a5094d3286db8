package io.nearcast.app.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.nearcast.kernel.domain.Conflict;
import io.nearcast.kernel.domain.Forbidden;
import io.nearcast.kernel.domain.InvalidField;
import io.nearcast.kernel.domain.InvalidFields;
import io.nearcast.kernel.domain.NotFound;
import io.nearcast.kernel.domain.Unavailable;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Maps the domain's refusals to problem+json responses (the framework's own errors go through
 * {@link ProblemErrorResponses}). One small handler per refusal type: Micronaut picks a handler
 * by the exception's type.
 */
final class ProblemHandlers {

    private ProblemHandlers() {
    }

    /** A refusal whose message is the whole story, answered with one fixed status. */
    abstract static class StatusHandler<E extends RuntimeException> implements ExceptionHandler<E, HttpResponse<Problem>> {
        private final HttpStatus status;

        StatusHandler(HttpStatus status) {
            this.status = status;
        }

        @Override
        public HttpResponse<Problem> handle(HttpRequest request, E e) {
            return Problem.response(status, e.getMessage());
        }
    }

    @Produces
    @Singleton
    static final class NotFoundHandler extends StatusHandler<NotFound> {
        NotFoundHandler() {
            super(HttpStatus.NOT_FOUND);
        }
    }

    @Produces
    @Singleton
    static final class ForbiddenHandler extends StatusHandler<Forbidden> {
        ForbiddenHandler() {
            super(HttpStatus.FORBIDDEN);
        }
    }

    /** The broker (or another part) did not confirm a change: nothing changed, try again shortly. */
    @Produces
    @Singleton
    static final class UnavailableHandler implements ExceptionHandler<Unavailable, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, Unavailable e) {
            return Problem.response(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()).header(HttpHeaders.RETRY_AFTER, "5");
        }
    }

    @Produces
    @Singleton
    static final class ConflictHandler extends StatusHandler<Conflict> {
        ConflictHandler() {
            super(HttpStatus.CONFLICT);
        }
    }

    @Produces
    @Singleton
    static final class InvalidFieldHandler implements ExceptionHandler<InvalidField, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, InvalidField e) {
            return Problem.response(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage(), e.field());
        }
    }

    @Produces
    @Singleton
    static final class InvalidFieldsHandler implements ExceptionHandler<InvalidFields, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, InvalidFields e) {
            List<Problem.FieldProblem> errors = e.problems().stream()
                    .map(problem -> new Problem.FieldProblem(problem.field(), problem.getMessage()))
                    .toList();
            HttpStatus status = HttpStatus.UNPROCESSABLE_ENTITY;
            return Problem.response(new Problem("about:blank", status.getReason(), status.getCode(), e.getMessage(), null, errors));
        }
    }
}
