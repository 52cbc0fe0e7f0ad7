package org.jwebrtc.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DtlsRoleTest {
    @Test
    void activeIsTheClientPassiveTheServer() {
        assertThat(DtlsRole.forLocalSetup("active")).isEqualTo(DtlsRole.CLIENT);
        assertThat(DtlsRole.forLocalSetup("PASSIVE")).isEqualTo(DtlsRole.SERVER);
        // Chromium answers a=setup:active, so we (the offerer) are the server
        assertThat(DtlsRole.forRemoteSetup("active")).isEqualTo(DtlsRole.SERVER);
        assertThat(DtlsRole.forRemoteSetup("passive")).isEqualTo(DtlsRole.CLIENT);
    }

    @Test
    void actpassAndUnknownValuesAreNotRoles() {
        assertThatThrownBy(() -> DtlsRole.forLocalSetup("actpass")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DtlsRole.forRemoteSetup("holdconn")).isInstanceOf(IllegalArgumentException.class);
    }
}
