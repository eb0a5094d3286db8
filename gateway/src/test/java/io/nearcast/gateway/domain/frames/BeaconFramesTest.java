package io.nearcast.gateway.domain.frames;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Frames as their specifications lay them out: Apple's iBeacon layout with the widely published
 * sample UUID E2C56DB5-…-96E0, the AltBeacon specification's sample advertisement (altbeacon/spec),
 * and Eddystone UID/URL/TLM/EID built field by field from google/eddystone's frame tables (the EID
 * value is the one EphemeralIdTest derives from the EID computation).
 */
class BeaconFramesTest {

    private static BeaconFrame frame(String hex) {
        ParsedAdvertisement parsed = BeaconFrames.parseHex(hex);
        assertThat(parsed.rejection()).as("rejection").isEmpty();
        return parsed.frame().orElseThrow();
    }

    @Test
    void readsAnIBeacon() {
        assertThat(frame("0201061AFF4C000215E2C56DB5DFFB48D2B060D0F5A71096E000010002C5"))
                .isEqualTo(new BeaconFrame.IBeacon(UUID.fromString("e2c56db5-dffb-48d2-b060-d0f5a71096e0"), 1, 2, -59));
    }

    @Test
    void readsTheAltBeaconSpecificationsSample() {
        assertThat(frame("0201061BFF1801BEAC2F234454CF6D4A0FADF2F4911BA9FFA600010002C500"))
                .isEqualTo(new BeaconFrame.AltBeacon(0x0118, "2F234454CF6D4A0FADF2F4911BA9FFA6", 1, 2, -59, 0));
    }

    @Test
    void readsEddystoneUidWithAndWithoutTheReservedBytes() {
        BeaconFrame.EddystoneUid expected = new BeaconFrame.EddystoneUid("EDD1EBEAC04E5DEFA017", "0BDB87539B67", -25);
        assertThat(frame("0201060303AAFE1716AAFE00E7EDD1EBEAC04E5DEFA0170BDB87539B670000")).isEqualTo(expected);
        assertThat(frame("0201060303AAFE1516AAFE00E7EDD1EBEAC04E5DEFA0170BDB87539B67")).isEqualTo(expected);
    }

    @Test
    void expandsAnEddystoneUrl() {
        assertThat(frame("0201060303AAFE0E16AAFE10EB016578616D706C6500"))
                .isEqualTo(new BeaconFrame.EddystoneUrl("https://www.example.com/", -21));
    }

    @Test
    void readsPlainEddystoneTelemetry() {
        assertThat(frame("0201060303AAFE1116AAFE20000BB81780000003E800008CA0"))
                .isEqualTo(new BeaconFrame.EddystoneTlm(3000, OptionalDouble.of(23.5), 1000, 36000));
        assertThat(frame("0201060303AAFE1116AAFE2000000080000000000100000001"))
                .as("0x8000: temperature not measured").isEqualTo(new BeaconFrame.EddystoneTlm(0, OptionalDouble.empty(), 1, 1));
    }

    @Test
    void readsAnEddystoneEid() {
        assertThat(frame("0201060303AAFE0D16AAFE30E7580D71A1EF49CEE8")).isEqualTo(new BeaconFrame.EddystoneEid("580D71A1EF49CEE8", -25));
    }

    @Test
    void acceptsLowerCaseHexAndTrailingPadding() {
        assertThat(frame("0201061aff4c000215e2c56db5dffb48d2b060d0f5a71096e000010002c5000000")).isInstanceOf(BeaconFrame.IBeacon.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "empty                  | ''                                                         | adv-missing",
        "odd length             | 020106F                                                    | adv-not-hex",
        "not hex                | 0201XX                                                     | adv-not-hex",
        "structure too long     | 0201061AFF4C0002                                           | adv-truncated",
        "flags only             | 020106                                                     | no-beacon-frame",
        "short iBeacon          | 0201060FFF4C000215E2C56DB5DFFB48D2B060D0F5             | ibeacon-length",
        "URL reserved byte      | 0201060303AAFE0716AAFE10EB0120                             | eddystone-url-byte",
        "URL undefined scheme   | 0201060303AAFE0716AAFE10EB0441                             | eddystone-url-scheme",
        "TLM version 2          | 0201060303AAFE0516AAFE2002                                 | eddystone-tlm-version",
        "unknown Eddystone      | 0201060303AAFE0516AAFE4000                                 | eddystone-unknown-frame",
        "short EID              | 0201060303AAFE0716AAFE30E71234                             | eddystone-eid-length",
    })
    void rejectsWithAMachineReadableReason(String label, String hex, String reason) {
        ParsedAdvertisement parsed = BeaconFrames.parseHex(hex);

        assertThat(parsed.frame()).isEmpty();
        assertThat(parsed.rejection()).hasValueSatisfying(rejection -> {
            assertThat(rejection.reason()).isEqualTo(reason);
            assertThat(rejection.detail()).isNotBlank().doesNotContain(hex.isEmpty() ? "\u0000" : hex);
        });
    }

    @Test
    void refusesMoreThanTheLongestAdvertisingData() {
        assertThat(BeaconFrames.parseHex("00".repeat(255)).rejection()).hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo("adv-too-long"));
    }
}
