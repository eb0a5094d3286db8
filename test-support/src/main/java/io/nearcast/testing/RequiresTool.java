package io.nearcast.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test that drives a real peer program. Without it the test is skipped with a line on
 * standard error; under {@code CI=true} a missing tool is an error.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ExternalServiceCondition.class)
public @interface RequiresTool {
    ExternalTool[] value();
}
