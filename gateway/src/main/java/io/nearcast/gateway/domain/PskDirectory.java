package io.nearcast.gateway.domain;

import java.util.Optional;

/**
 * Where the CoAP-over-DTLS listener looks up a device's pre-shared key by the PSK identity the
 * device presents in its handshake. Backed by the device registry; must be thread-safe and fast.
 */
public interface PskDirectory {

    /**
     * @param identity the PSK identity from the DTLS handshake (UTF-8 text)
     * @return the key bytes for an active device with that identity, empty for unknown or disabled ones
     */
    Optional<byte[]> pskFor(String identity);

    /** A directory that knows no device: every DTLS handshake is refused. */
    static PskDirectory none() {
        return identity -> Optional.empty();
    }
}
