package io.nearcast.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Unauthenticated registration is limited per client address: the burst passes, the next gets 429 with Retry-After, counted. */
@Timeout(120)
class RegistrationLimitTest {

    @RegisterExtension
    static final ApiServer server = new ApiServer();

    @Test
    void aBurstPassesAndTheNextRegistrationIsTooMany() throws Exception {
        for (int i = 0; i < RegistrationLimit.BURST; i++) {
            assertThat(register().statusCode()).as("registration %d", i + 1).isEqualTo(201);
        }

        HttpResponse<String> refused = register();

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(value ->
                assertThat(Long.parseLong(value)).isBetween(1L, RegistrationLimit.REFILL.toSeconds()));
        assertThat(server.context().getBean(RegistrationLimit.class).refused()).isEqualTo(1);
    }

    private static HttpResponse<String> register() throws Exception {
        return server.send("POST", "/api/v1/shoppers", Optional.empty(), Optional.empty());
    }
}
