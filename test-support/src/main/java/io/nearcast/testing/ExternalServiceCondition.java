package io.nearcast.testing;

import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Evaluates {@link RequiresExternal} and {@link RequiresTool}: run, skip visibly, or (in CI) fail loudly. */
public final class ExternalServiceCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<RequiresExternal> services = context.getElement()
                .flatMap(element -> AnnotationSupport.findAnnotation(element, RequiresExternal.class));
        for (ExternalService service : services.map(RequiresExternal::value).orElse(new ExternalService[0])) {
            if (service.url().isEmpty()) {
                return missing(service.variable() + " is not set (e.g. " + service.example() + ")", context.getDisplayName());
            }
        }
        Optional<RequiresTool> tools = context.getElement()
                .flatMap(element -> AnnotationSupport.findAnnotation(element, RequiresTool.class));
        for (ExternalTool tool : tools.map(RequiresTool::value).orElse(new ExternalTool[0])) {
            if (!tool.isInstalled()) {
                return missing(tool.path() + " is not installed (apt-get install -y " + tool.debianPackage() + ")", context.getDisplayName());
            }
        }
        return ConditionEvaluationResult.enabled("required services and tools are present");
    }

    private static ConditionEvaluationResult missing(String what, String test) {
        String reason = what + ": " + test + " skipped";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but " + reason + " — CI must run every integration test");
        }
        System.err.println("[nearcast] SKIPPED " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }
}
