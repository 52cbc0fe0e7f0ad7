package org.jwebrtc.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StunViewTest {
    private final TransactionId id = TransactionId.ofHex("0102030405060708090a0b0c");

    @Test
    void readsIceFieldsWithoutDecoding() throws Exception {
        byte[] key = "pw".getBytes(StandardCharsets.UTF_8);
        byte[] b = StunMessage.of(StunClass.REQUEST, StunMethod.BINDING, id, new Username("a:b"),
                new Priority(0xFFFF_FFFFL), new IceControlling(-2), new UseCandidate()).toBytes(key, true);
        StunView v = new StunView().wrap(b, 0, b.length);
        assertThat(v.isRequest(StunMethod.BINDING)).isTrue();
        assertThat(v.transactionIdEquals(id)).isTrue();
        assertThat(v.transactionId()).isEqualTo(id);
        assertThat(v.usernameEquals("a:b".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(v.usernameEquals("a:c".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(v.priority()).isEqualTo(0xFFFF_FFFFL);
        assertThat(v.valueU64(v.indexOf(StunAttributeType.ICE_CONTROLLING))).isEqualTo(-2);
        assertThat(v.has(StunAttributeType.USE_CANDIDATE)).isTrue();
        assertThat(v.has(StunAttributeType.ICE_CONTROLLED)).isFalse();
        assertThat(v.integrityAlgorithm()).isEqualTo(IntegrityAlgorithm.HMAC_SHA1);
        assertThat(v.verifyIntegrity(key)).isTrue();
        assertThat(v.verifyIntegritySha256(key)).isFalse();
        assertThat(v.errorCode()).isEqualTo(-1);
        assertThat(v.xorMappedAddress()).isEmpty();
    }

    @Test
    void reusedAcrossMessagesAndKeys() throws Exception {
        StunView v = new StunView();
        for (int i = 0; i < 40; i++) { // more than the initial 16 attribute slots, and key changes
            byte[] key = ("k" + (i % 3)).getBytes(StandardCharsets.UTF_8);
            StunAttribute[] attrs = new StunAttribute[i];
            for (int k = 0; k < i; k++) {
                attrs[k] = new Priority(k);
            }
            byte[] b = StunMessage.of(StunClass.INDICATION, StunMethod.BINDING, id, attrs)
                    .toBytes(key, IntegrityAlgorithm.HMAC_SHA256, i % 2 == 0);
            v.wrap(b, 0, b.length);
            assertThat(v.attributeCount()).isEqualTo(i + 1 + (i % 2 == 0 ? 1 : 0));
            assertThat(v.verifyIntegrity(key)).isTrue();
            assertThat(v.verifyIntegrity("other".getBytes(StandardCharsets.UTF_8))).isFalse();
        }
    }

    @Test
    void truncatedSha256IntegrityVerifies() throws Exception {
        // RFC 8489 §14.6 allows MESSAGE-INTEGRITY-SHA256 truncated to 16..32 bytes; build a 16-byte one
        byte[] key = "k".getBytes(StandardCharsets.UTF_8);
        byte[] full = StunMessage.of(StunClass.REQUEST, StunMethod.BINDING, id, new Priority(1))
                .toBytes(key, IntegrityAlgorithm.HMAC_SHA256, false);
        byte[] b = java.util.Arrays.copyOf(full, full.length - 16);
        b[3] = (byte) (b.length - 20);
        b[b.length - 17] = 16; // attribute length
        byte[] mac = new org.jwebrtc.stun.internal.MessageChecks().integrity(true, key, b, 0, b.length - 20, 16);
        System.arraycopy(mac, 0, b, b.length - 16, 16);
        StunView v = new StunView().wrap(b, 0, b.length);
        assertThat(v.integrityAlgorithm()).isEqualTo(IntegrityAlgorithm.HMAC_SHA256);
        assertThat(v.verifyIntegrity(key)).isTrue();
        b[b.length - 1] ^= 1;
        assertThat(new StunView().wrap(b, 0, b.length).verifyIntegrity(key)).isFalse();
        assertThat(StunMessage.parse(full).attribute(MessageIntegritySha256.class).orElseThrow().hmac()).hasSize(32);
    }

    @Test
    void errorResponseAccessors() throws Exception {
        InetSocketAddress a = new InetSocketAddress(InetAddress.getByName("::1"), 9);
        byte[] b = StunMessage.of(StunClass.ERROR_RESPONSE, StunMethod.BINDING, id, new ErrorCode(487, "Role Conflict"),
                new XorMappedAddress(a)).toBytes();
        StunView v = new StunView().wrap(b, 0, b.length);
        assertThat(v.errorCode()).isEqualTo(ErrorCode.ROLE_CONFLICT);
        assertThat(v.xorMappedAddress()).contains(a);
    }

    @Test
    void failedWrapLeavesViewUnusable() {
        StunView v = new StunView();
        assertThatThrownBy(() -> v.wrap(new byte[25], 0, 25)).isInstanceOf(StunException.class)
                .hasMessageContaining("magic cookie");
        assertThatThrownBy(v::messageType).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void exceptionsSayWhereAndWhat() {
        byte[] b = StunMessage.of(StunClass.REQUEST, StunMethod.BINDING, id, new Software("abcd")).toBytes();
        b[23] = 9; // SOFTWARE length 9 > remaining 4
        assertThatThrownBy(() -> StunMessage.parse(b)).isInstanceOf(StunException.class)
                .hasMessage("attribute 0x8022 length 9 exceeds remaining 4 at offset 22")
                .extracting(e -> ((StunException) e).offset()).isEqualTo(22);
        byte[] odd = StunMessage.of(StunClass.REQUEST, StunMethod.BINDING, id).toBytes();
        odd[3] = 2;
        assertThatThrownBy(() -> StunMessage.parse(odd)).hasMessageContaining("not a multiple of 4");
    }
}
