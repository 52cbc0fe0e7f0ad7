package org.jwebrtc.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SrtpKeyingMaterialTest {
    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void splitFollowsRfc5764Section4_2Layout(SrtpProfile p) {
        byte[] exported = new byte[p.keyingMaterialLength()];
        for (int i = 0; i < exported.length; i++) {
            exported[i] = (byte) i;
        }
        SrtpKeyingMaterial m = SrtpKeyingMaterial.split(p, exported);
        int k = p.keyLength();
        int s = p.saltLength();
        assertThat(m.clientKey()[0]).isEqualTo((byte) 0);
        assertThat(m.serverKey()[0]).isEqualTo((byte) k);
        assertThat(m.clientSalt()[0]).isEqualTo((byte) (2 * k));
        assertThat(m.serverSalt()[0]).isEqualTo((byte) (2 * k + s));
        assertThat(m.serverSalt()[s - 1]).isEqualTo((byte) (exported.length - 1));
        assertThat(m.toExported()).isEqualTo(exported);
        assertThat(m.localKey(DtlsRole.CLIENT)).isEqualTo(m.remoteKey(DtlsRole.SERVER)).isEqualTo(m.clientKey());
        assertThat(m.localSalt(DtlsRole.SERVER)).isEqualTo(m.remoteSalt(DtlsRole.CLIENT)).isEqualTo(m.serverSalt());
        assertThat(m.toString()).doesNotContain("0, 1");
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void lengthsAreThoseOfRfc5764AndRfc7714(SrtpProfile p) {
        int expected = switch (p) {
            case SRTP_AES128_CM_HMAC_SHA1_80, SRTP_AES128_CM_HMAC_SHA1_32 -> 60;
            case SRTP_AEAD_AES_128_GCM -> 56;
            case SRTP_AEAD_AES_256_GCM -> 88;
        };
        assertThat(p.keyingMaterialLength()).isEqualTo(expected);
        assertThat(SrtpProfile.fromId(p.id())).contains(p);
        assertThatThrownBy(() -> SrtpKeyingMaterial.split(p, new byte[expected - 1]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
