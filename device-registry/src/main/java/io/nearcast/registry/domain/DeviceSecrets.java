package io.nearcast.registry.domain;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A device's freshly generated secrets, shown once in the response that created or rotated
 * them and never again. Both are 256 random bits in URL-safe base64 (43 printable characters);
 * the PSK is used as-is, its UTF-8 bytes are the DTLS pre-shared key (so {@code coap-client -k}
 * takes it unchanged).
 */
public record DeviceSecrets(String mqttPassword, String pskKey) {

    static DeviceSecrets generate(SecureRandom random) {
        return new DeviceSecrets(randomText(random), randomText(random));
    }

    public byte[] pskBytes() {
        return pskKey.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "DeviceSecrets[***]";
    }

    private static String randomText(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
