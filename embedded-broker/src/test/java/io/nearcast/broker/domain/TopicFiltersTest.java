package io.nearcast.broker.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopicFiltersTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
        "a/b/c, a/b/c, true",
        "a/+/c, a/b/c, true",
        "a/+/c, a/b/d, false",
        "a/#, a, true",
        "a/#, a/b/c, true",
        "#, a/b, true",
        "#, $SYS/broker, false",
        "+/b, $SYS/b, false",
        "a/+, a/b/c, false",
        "a/b, a/b/c, false",
        "a/b/c, a/b, false",
        "a/+/+, a//x, true",
    })
    void matchesTopicsLikeAnMqttBroker(String filter, String topic, boolean expected) {
        assertThat(TopicFilters.matches(filter, topic)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} covers {1}: {2}")
    @CsvSource({
        "a/+/c, a/b/c, true",
        "a/+/c, a/+/c, true",
        "a/+/c, a/#, false",
        "a/b/c, a/+/c, false",
        "a/#, a/+/c, true",
        "a/#, a/#, true",
        "#, x/#, true",
        "a/+, a/b/c, false",
        "a/+, a, false",
    })
    void coversOnlySubscriptionsThatCannotReachFurther(String allowed, String requested, boolean expected) {
        assertThat(TopicFilters.covers(allowed, requested)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} valid: {1}")
    @CsvSource({"a/b, true", "a/+/c, true", "a/#, true", "#, true", "a/#/c, false", "a/b+, false", "a#, false", "'', false"})
    void validatesFilterSyntax(String filter, boolean expected) {
        assertThat(TopicFilters.isValidFilter(filter)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"$share/g/a/+, a/+", "$share/group/#, #", "a/b, a/b", "$share/g, ''"})
    void unwrapsSharedSubscriptions(String filter, String inner) {
        assertThat(TopicFilters.withoutSharePrefix(filter)).isEqualTo(inner);
    }
}
