package io.nearcast.app.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.nearcast.kernel.domain.Conflict;
import io.nearcast.kernel.domain.Forbidden;
import io.nearcast.kernel.domain.InvalidField;
import io.nearcast.kernel.domain.InvalidFields;
import java.util.List;
import io.nearcast.kernel.domain.NotFound;
import jakarta.inject.Singleton;

/** Maps the domain's refusals and the framework's input errors to problem+json responses. */
final class ProblemHandlers {

    private ProblemHandlers() {
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
    static final class NotFoundHandler implements ExceptionHandler<NotFound, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, NotFound e) {
            return Problem.response(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }

    @Produces
    @Singleton
    static final class ForbiddenHandler implements ExceptionHandler<Forbidden, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, Forbidden e) {
            return Problem.response(HttpStatus.FORBIDDEN, e.getMessage());
        }
    }

    @Produces
    @Singleton
    static final class ConflictHandler implements ExceptionHandler<Conflict, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, Conflict e) {
            return Problem.response(HttpStatus.CONFLICT, e.getMessage());
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
