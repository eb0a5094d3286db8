package io.nearcast.testing;

import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Evaluates {@link RequiresExternal}: run, skip visibly, or (in CI) fail loudly. */
public final class ExternalServiceCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<RequiresExternal> required = context.getElement()
                .flatMap(element -> AnnotationSupport.findAnnotation(element, RequiresExternal.class));
        if (required.isEmpty()) {
            return ConditionEvaluationResult.enabled("no external service required");
        }
        for (ExternalService service : required.get().value()) {
            if (service.url().isEmpty()) {
                return missing(service, context.getDisplayName());
            }
        }
        return ConditionEvaluationResult.enabled("external services are configured");
    }

    private static ConditionEvaluationResult missing(ExternalService service, String test) {
        String reason = service.variable() + " is not set (e.g. " + service.example() + "): " + test + " skipped";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but " + reason + " — CI must run every integration test");
        }
        System.err.println("[nearcast] SKIPPED " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }
}
