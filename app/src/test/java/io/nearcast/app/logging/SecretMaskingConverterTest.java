package io.nearcast.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretMaskingConverterTest {

    @Test
    void masksTokensGeneratedSecretsKeysAndTagUids() {
        String line = "token ncp_Z7vxLjv3m5BzUAavkT05KJ1wte687xfRvRu5vq1jP2U, psk CUM-bXblOl21W5Bd-0fEhuXA7x9_K-nxDnPKSPHOE24,"
                + " key 00112233445566778899aabbccddeeff, uid 04A1B2C3D4E5F6";

        assertThat(SecretMaskingConverter.mask(line)).isEqualTo("token ncp_***, psk ***, key <key>, uid <uid>");
    }

    @Test
    void leavesOrdinaryTextAndIdsAlone() {
        String line = "Nearcast ready http=8080 mqtt=1883; store 7687f4e5-3ed8-403c-ba37-92da9d28f8e8 at 2026-11-23T11:17:21Z";

        assertThat(SecretMaskingConverter.mask(line)).isEqualTo(line);
    }
}
