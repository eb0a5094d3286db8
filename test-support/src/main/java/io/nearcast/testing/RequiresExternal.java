package io.nearcast.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class or method that needs a real external service.
 *
 * <p>When the service's variable is unset the test is skipped and a line on standard error says
 * so; under {@code CI=true} a missing variable is an error instead, so CI can never skip silently.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ExternalServiceCondition.class)
public @interface RequiresExternal {
    ExternalService[] value();
}
