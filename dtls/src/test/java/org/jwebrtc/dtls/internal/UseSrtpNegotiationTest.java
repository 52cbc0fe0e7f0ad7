package org.jwebrtc.dtls.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.junit.jupiter.api.Test;
import org.jwebrtc.dtls.SrtpProfile;

class UseSrtpNegotiationTest {
    private static final List<SrtpProfile> SERVER = List.of(SrtpProfile.SRTP_AEAD_AES_128_GCM,
            SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80);

    @Test
    void serverPicksItsFirstPreferenceTheClientOffered() throws Exception {
        UseSRTPData offer = new UseSRTPData(new int[] {0x0001, 0x0007}, TlsUtils.EMPTY_BYTES);
        assertThat(UseSrtpNegotiation.select(offer, SERVER)).isEqualTo(SrtpProfile.SRTP_AEAD_AES_128_GCM);
        UseSRTPData only80 = new UseSRTPData(new int[] {0x0002, 0x0001}, TlsUtils.EMPTY_BYTES);
        assertThat(UseSrtpNegotiation.select(only80, SERVER)).isEqualTo(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80);
    }

    @Test
    void serverRefusesNoOfferNoCommonProfileAndAnMki() {
        assertAlert(() -> UseSrtpNegotiation.select(null, SERVER), AlertDescription.handshake_failure);
        assertAlert(() -> UseSrtpNegotiation.select(new UseSRTPData(new int[] {0x0002}, TlsUtils.EMPTY_BYTES),
                SERVER), AlertDescription.handshake_failure);
        assertAlert(() -> UseSrtpNegotiation.select(new UseSRTPData(new int[] {0x0001}, new byte[] {1}),
                SERVER), AlertDescription.illegal_parameter);
    }

    @Test
    void clientAcceptsExactlyOneOfferedProfileWithoutMki() throws Exception {
        assertThat(UseSrtpNegotiation.accept(UseSrtpNegotiation.answer(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80),
                SERVER)).isEqualTo(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80);
        assertAlert(() -> UseSrtpNegotiation.accept(null, SERVER), AlertDescription.handshake_failure);
        assertAlert(() -> UseSrtpNegotiation.accept(new UseSRTPData(new int[] {1, 7}, TlsUtils.EMPTY_BYTES),
                SERVER), AlertDescription.illegal_parameter);
        assertAlert(() -> UseSrtpNegotiation.accept(new UseSRTPData(new int[] {2}, TlsUtils.EMPTY_BYTES),
                SERVER), AlertDescription.illegal_parameter);
        assertAlert(() -> UseSrtpNegotiation.accept(new UseSRTPData(new int[] {1}, new byte[] {9}),
                SERVER), AlertDescription.illegal_parameter);
    }

    @Test
    void offerListsProfilesInPreferenceOrderWithoutMki() {
        UseSRTPData offer = UseSrtpNegotiation.offer(SERVER);
        assertThat(offer.getProtectionProfiles()).containsExactly(0x0007, 0x0001);
        assertThat(offer.getMki()).isEmpty();
    }

    private static void assertAlert(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, short alert) {
        assertThatThrownBy(call).isInstanceOfSatisfying(TlsFatalAlert.class,
                e -> assertThat(e.getAlertDescription()).isEqualTo(alert));
    }
}
