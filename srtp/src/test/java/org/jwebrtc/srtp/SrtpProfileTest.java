package org.jwebrtc.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SrtpProfileTest {

    @Test
    void dtlsSrtpIds() {
        assertThat(SrtpProfile.fromDtlsId(0x0001)).contains(SrtpProfile.AES_CM_128_HMAC_SHA1_80);
        assertThat(SrtpProfile.fromDtlsId(0x0002)).contains(SrtpProfile.AES_CM_128_HMAC_SHA1_32);
        assertThat(SrtpProfile.fromDtlsId(0x0007)).contains(SrtpProfile.AEAD_AES_128_GCM);
        assertThat(SrtpProfile.fromDtlsId(0x0008)).contains(SrtpProfile.AEAD_AES_256_GCM);
        assertThat(SrtpProfile.fromDtlsId(0x0005)).isEmpty(); // NULL cipher: not offered
        assertThat(SrtpProfile.fromDtlsId(-1)).isEmpty();
        assertThat(SrtpProfile.AES_256_CM_HMAC_SHA1_80.dtlsId()).isEmpty();
    }

    @Test
    void sizes() {
        SrtpProfile cm80 = SrtpProfile.AES_CM_128_HMAC_SHA1_80;
        assertThat(cm80.rtpOverhead()).isEqualTo(10);
        assertThat(cm80.rtcpOverhead()).isEqualTo(14);
        assertThat(cm80.overhead()).isEqualTo(14);
        assertThat(cm80.keyingMaterialLength()).isEqualTo(60);
        assertThat(SrtpProfile.AES_CM_128_HMAC_SHA1_32.rtpOverhead()).isEqualTo(4);
        assertThat(SrtpProfile.AES_CM_128_HMAC_SHA1_32.rtcpOverhead()).isEqualTo(14);
        assertThat(SrtpProfile.AEAD_AES_128_GCM.overhead()).isEqualTo(20);
        assertThat(SrtpProfile.AEAD_AES_128_GCM.keyingMaterialLength()).isEqualTo(56);
        assertThat(SrtpProfile.AEAD_AES_256_GCM.keyingMaterialLength()).isEqualTo(88);
        assertThat(SrtpProfile.AES_192_CM_HMAC_SHA1_80.keyLength()).isEqualTo(24);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void dtlsKeyingMaterialGivesMatchingPairs(SrtpProfile p) {
        byte[] material = new byte[p.keyingMaterialLength()];
        for (int i = 0; i < material.length; i++) {
            material[i] = (byte) (i * 37 + 11);
        }
        DtlsSrtpContexts client = DtlsSrtpContexts.fromKeyingMaterial(p, material, true);
        DtlsSrtpContexts server = DtlsSrtpContexts.fromKeyingMaterial(p, material, false);

        byte[] a = TestPackets.rtp(1, 0xc1, 0, -1, "from client".getBytes());
        int n = client.local().protectRtp(a, 0, TestPackets.rtpLength(a));
        assertThat(server.remote().unprotectRtp(a, 0, n)).isEqualTo(TestPackets.rtpLength(a));

        byte[] b = TestPackets.rtp(1, 0x5e, 0, -1, "from server".getBytes());
        int m = server.local().protectRtp(b, 0, TestPackets.rtpLength(b));
        assertThat(client.remote().unprotectRtp(b, 0, m)).isEqualTo(TestPackets.rtpLength(b));

        // the two directions use different keys
        byte[] c = TestPackets.rtp(2, 0xc1, 0, -1, "x".getBytes());
        int k = client.local().protectRtp(c, 0, TestPackets.rtpLength(c));
        assertThat(client.remote().unprotectRtp(c, 0, k)).isEqualTo(SrtpContext.AUTH_FAILED);
    }

    @Test
    void clientKeyIsTheFirstKeyOfTheExporterOutput() {
        SrtpProfile p = SrtpProfile.AES_CM_128_HMAC_SHA1_80;
        byte[] material = new byte[60];
        for (int i = 0; i < 60; i++) {
            material[i] = (byte) i;
        }
        byte[] clientKey = Arrays.copyOfRange(material, 0, 16);
        byte[] clientSalt = Arrays.copyOfRange(material, 32, 46);
        SrtpContext reference = SrtpContext.create(p, clientKey, clientSalt);
        DtlsSrtpContexts client = DtlsSrtpContexts.fromKeyingMaterial(p, material, true);
        byte[] a = TestPackets.rtp(1, 1, 0, -1, new byte[16]);
        byte[] b = a.clone();
        assertThat(client.local().protectRtp(a, 0, 28)).isEqualTo(reference.protectRtp(b, 0, 28));
        assertThat(a).isEqualTo(b);
    }

    @Test
    void wrongLengthsAreMisuse() {
        SrtpProfile p = SrtpProfile.AEAD_AES_128_GCM;
        assertThatThrownBy(() -> DtlsSrtpContexts.fromKeyingMaterial(p, new byte[60], true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SrtpContext.create(p, new byte[16], new byte[14]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SrtpContext.create(p, new byte[32], new byte[12]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SrtpOptions(32, true, true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void protectWithoutRoomForTheTagIsMisuse() {
        SrtpContext c = TestPackets.context(SrtpProfile.AES_CM_128_HMAC_SHA1_80);
        byte[] exact = TestPackets.copy(TestPackets.rtp(1, 1, 0, -1, new byte[10]), 22);
        assertThatThrownBy(() -> c.protectRtp(exact, 0, 22)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.unprotectRtp(exact, 5, 22)).isInstanceOf(IllegalArgumentException.class);
    }
}
