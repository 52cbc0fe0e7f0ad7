package org.jwebrtc.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class LongTermCredentialTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void sha256KeyIsSha256OfTheSameString() throws Exception {
        byte[] expected = MessageDigest.getInstance("SHA-256").digest("user:realm:pass".getBytes(StandardCharsets.UTF_8));
        assertThat(LongTermCredential.key(PasswordAlgorithm.SHA256, "user", "realm", "pass", PasswordProfile.OPAQUE_STRING))
                .isEqualTo(expected).hasSize(32);
        assertThat(LongTermCredential.key("user", "realm", "pass")).hasSize(16);
        assertThatThrownBy(() -> LongTermCredential.key(3, "u", "r", "p", PasswordProfile.OPAQUE_STRING))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void userhashIsSha256OfUsernameColonRealm() throws Exception {
        byte[] expected = MessageDigest.getInstance("SHA-256").digest("\u30DE\u30C8:example.org".getBytes(StandardCharsets.UTF_8));
        assertThat(LongTermCredential.userhash("\u30DE\u30C8", "example.org")).isEqualTo(new Userhash(expected));
    }

    @Test
    void profilesDifferOnlyBeyondAscii() {
        String vector = "The\u00ADM\u00AAtr\u2168";
        assertThat(PasswordProfile.SASLPREP.prepare(vector)).isEqualTo("TheMatrIX");
        // OpaqueString keeps compatibility characters (NFC) and the soft hyphen
        assertThat(PasswordProfile.OPAQUE_STRING.prepare(vector)).isEqualTo(vector);
        assertThat(PasswordProfile.OPAQUE_STRING.prepare("a\u00A0b")).isEqualTo("a b"); // non-ASCII space
        assertThat(PasswordProfile.SASLPREP.prepare("a\u3000b")).isEqualTo("a b");
        assertThat(PasswordProfile.OPAQUE_STRING.prepare("e\u0301")).isEqualTo("\u00E9"); // NFC
        for (PasswordProfile p : PasswordProfile.values()) {
            assertThat(p.prepare("VOkJxbRl1RmTxUk/WvJxBt")).isEqualTo("VOkJxbRl1RmTxUk/WvJxBt");
            assertThatThrownBy(() -> p.prepare("a\u0007b")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void nonceCookieCarriesSecurityFeatureBits() {
        NonceCookie both = new NonceCookie(NonceCookie.PASSWORD_ALGORITHMS | NonceCookie.USERNAME_ANONYMITY);
        assertThat(both.encode()).isEqualTo("obMatJos2wAAA"); // bits 0 and 1 = 0xC00000
        assertThat(new NonceCookie(0).encode()).isEqualTo("obMatJos2AAAA");
        Nonce n = both.nonce("f//499k954d6OL34oL9FSTvy64sA");
        NonceCookie back = NonceCookie.of(n).orElseThrow();
        assertThat(back.passwordAlgorithms()).isTrue();
        assertThat(back.usernameAnonymity()).isTrue();
        assertThat(NonceCookie.of("obMatJos2gAAAxyz").orElseThrow().passwordAlgorithms()).isTrue();
        assertThat(NonceCookie.of("obMatJos2gAAAxyz").orElseThrow().usernameAnonymity()).isFalse();
        assertThat(NonceCookie.of("f//499k954d6OL34oL9FSTvy64sA")).isEmpty();
        assertThat(NonceCookie.of("obMatJos2!!!!")).isEmpty();
        assertThat(NonceCookie.of("obMatJos2AA")).isEmpty();
    }

    @Test
    void passwordAlgorithmsRoundTrip() throws StunException {
        StunMessage m = StunMessage.of(StunClass.ERROR_RESPONSE, StunMethod.ALLOCATE, TransactionId.of(new byte[12]),
                ErrorCode.of(401), new Realm("example.org"),
                new NonceCookie(NonceCookie.PASSWORD_ALGORITHMS).nonce("xyz"),
                new PasswordAlgorithms(java.util.List.of(PasswordAlgorithm.of(PasswordAlgorithm.SHA256),
                        PasswordAlgorithm.of(PasswordAlgorithm.MD5))),
                new AlternateServer(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 3478)),
                new AlternateDomain("turn.example.org"));
        byte[] b = m.toBytes();
        // §14.11: 2 entries × (2 + 2 + 0) bytes
        assertThat(HEX.formatHex(b)).contains("8002000800020000" + "00010000");
        assertThat(StunMessage.parse(b)).isEqualTo(m);
    }
}
