package io.nearcast.gateway.coap;

import java.util.Objects;

/**
 * Where the CoAP listeners bind and what they accept.
 *
 * @param bindAddress  interface to listen on, e.g. {@code 0.0.0.0}
 * @param udpPort      plain CoAP port; 0 picks a free one; unused unless {@code plain}
 * @param dtlsPort     CoAP-over-DTLS (PSK) port; 0 picks a free one
 * @param maxBodyBytes largest request body a resource accepts; larger ones get 4.13
 * @param plain        whether to serve plain (unencrypted, unauthenticated) CoAP at all; development only
 */
public record CoapListenerSettings(String bindAddress, int udpPort, int dtlsPort, int maxBodyBytes, boolean plain) {

    public CoapListenerSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        requirePort(udpPort);
        requirePort(dtlsPort);
        if (maxBodyBytes < 64) {
            throw new IllegalArgumentException("maxBodyBytes below 64: " + maxBodyBytes);
        }
    }

    private static void requirePort(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }
}
