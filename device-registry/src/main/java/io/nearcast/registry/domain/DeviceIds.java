package io.nearcast.registry.domain;

import java.util.regex.Pattern;

/** Device ids are lower-case UUIDs; anything else is not looked up at all. */
final class DeviceIds {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private DeviceIds() {
    }

    static boolean looksLikeId(String text) {
        return text != null && UUID.matcher(text).matches();
    }
}
