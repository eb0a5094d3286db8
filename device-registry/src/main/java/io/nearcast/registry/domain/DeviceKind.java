package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.InvalidField;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The in-store hardware Nearcast knows: BLE scanners, NFC readers and kiosks. */
public enum DeviceKind {
    SCANNER("scanner"),
    NFC_READER("nfc-reader"),
    KIOSK("kiosk");

    private final String wireName;

    DeviceKind(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in the API and the database, e.g. {@code nfc-reader}. */
    public String wireName() {
        return wireName;
    }

    /** @throws InvalidField on field {@code kind} for anything else */
    public static DeviceKind parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidField("kind", "is required (" + choices() + ")");
        }
        return Arrays.stream(values())
                .filter(kind -> kind.wireName.equals(text.strip()))
                .findFirst()
                .orElseThrow(() -> new InvalidField("kind", "must be one of " + choices() + ", not " + Names.printable(text)));
    }

    private static String choices() {
        return Arrays.stream(values()).map(DeviceKind::wireName).collect(Collectors.joining(", "));
    }
}
