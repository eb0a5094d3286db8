package io.nearcast.privacy.domain;

import io.nearcast.kernel.domain.BearerSecret;
import java.util.Optional;

/**
 * Which shopper a presented token belongs to (API bearer token, MQTT password). Tokens are
 * looked up by their SHA-256; an erased shopper's token matches nothing. Thread-safe.
 */
public final class ShopperTokens {

    private final ShopperRepository repository;

    public ShopperTokens(ShopperRepository repository) {
        this.repository = repository;
    }

    /** The shopper whose token this is; empty for anything else. */
    public Optional<ShopperId> shopperOf(String token) {
        if (token == null || !token.startsWith(BearerSecret.SHOPPER_PREFIX)) {
            return Optional.empty();
        }
        return repository.findByTokenHash(BearerSecret.hash(token)).map(Shopper::id);
    }

    /** Whether the token belongs to this shopper (MQTT: user name = shopper id, password = token). */
    public boolean matches(ShopperId shopper, String token) {
        return shopperOf(token).filter(shopper::equals).isPresent();
    }
}
