package org.jwebrtc.dtls.internal.dtls13;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.engines.ChaCha7539Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.jwebrtc.dtls.DtlsException;

/** Known answers and cross-checks for the DTLS 1.3 crypto glue. */
class Dtls13CryptoTest {
    private static final HexFormat HEX = HexFormat.of();

    /** RFC 5869 Appendix A.1 (HKDF-SHA256 test case 1): our Extract plus BC's Expand. */
    @Test
    void hkdfExtractMatchesRfc5869() {
        byte[] ikm = HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
        byte[] salt = HEX.parseHex("000102030405060708090a0b0c");
        assertThat(HEX.formatHex(KeySchedule.extract(CipherSuite.TLS_AES_128_GCM_SHA256, salt, ikm)))
                .isEqualTo("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5");
    }

    @Test
    void expandLabelUsesTheDtls13Prefix() {
        // HkdfLabel = length(2) | len+"dtls13"+label | len+context (RFC 9147 §5.9): recompute by hand.
        byte[] secret = new byte[32];
        byte[] info = HEX.parseHex("0010" + "09" + HEX.formatHex("dtls13key".getBytes()) + "00");
        org.bouncycastle.crypto.generators.HKDFBytesGenerator g =
                new org.bouncycastle.crypto.generators.HKDFBytesGenerator(new org.bouncycastle.crypto.digests.SHA256Digest());
        g.init(org.bouncycastle.crypto.params.HKDFParameters.skipExtractParameters(secret, info));
        byte[] want = new byte[16];
        g.generateBytes(want, 0, 16);
        assertThat(KeySchedule.expandLabel(CipherSuite.TLS_AES_128_GCM_SHA256, secret, "key", new byte[0], 16)).isEqualTo(want);
    }

    @Test
    void aesSequenceNumberMaskIsAesEcbOfTheSample() throws Exception {
        byte[] key = HEX.parseHex("000102030405060708090a0b0c0d0e0f");
        RecordProtection p = new RecordProtection(CipherSuite.TLS_AES_128_GCM_SHA256, 3, new byte[16], new byte[12], key);
        byte[] sample = HEX.parseHex("00112233445566778899aabbccddeeff");
        byte[] mask = new byte[16];
        p.mask(sample, 0, mask);
        Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
        ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        assertThat(mask).isEqualTo(ecb.doFinal(sample));
        // FIPS-197 Appendix C.1
        assertThat(HEX.formatHex(mask)).isEqualTo("69c4e0d86a7b0430d8cdb78070b4c55a");
    }

    @Test
    void chachaSequenceNumberMaskIsTheChaCha20BlockAtTheSampleCounter() {
        byte[] key = new byte[32];
        new SecureRandom(new byte[] {1}).nextBytes(key);
        RecordProtection p = new RecordProtection(CipherSuite.TLS_CHACHA20_POLY1305_SHA256, 3, new byte[32], new byte[12], key);
        byte[] sample = HEX.parseHex("05000000" + "0102030405060708090a0b0c");   // counter 5 (little-endian)
        byte[] mask = new byte[16];
        p.mask(sample, 0, mask);
        ChaCha7539Engine e = new ChaCha7539Engine();
        e.init(true, new ParametersWithIV(new KeyParameter(key), HEX.parseHex("0102030405060708090a0b0c")));
        e.skip(5 * 64L);
        byte[] want = new byte[16];
        e.processBytes(new byte[16], 0, 16, want, 0);
        assertThat(mask).isEqualTo(want);
    }

    @Test
    void perRecordNonceXorsTheSequenceNumberIntoTheIv() throws Exception {
        byte[] key = new byte[16];
        byte[] iv = HEX.parseHex("0a0b0c0d0e0f101112131415");
        RecordProtection p = new RecordProtection(CipherSuite.TLS_AES_128_GCM_SHA256, 3, key, iv, new byte[16]);
        byte[] aad = {1, 2};
        byte[] sealed = p.seal(0x0102, aad, new byte[] {42}, 0, 1);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        byte[] nonce = iv.clone();
        nonce[10] ^= 0x01;
        nonce[11] ^= 0x02;
        gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new javax.crypto.spec.GCMParameterSpec(128, nonce));
        gcm.updateAAD(aad);
        assertThat(gcm.doFinal(sealed)).containsExactly(42);
    }

    @ParameterizedTest
    @EnumSource(NamedGroup.class)
    void keyExchangeAgreesAndRejectsBadShares(NamedGroup g) throws DtlsException {
        SecureRandom r = new SecureRandom();
        NamedGroup.ClientShare c = g.generate(r);
        NamedGroup.ServerShare s = g.respond(c.publicShare(), r);
        assertThat(c.complete(s.publicShare())).isEqualTo(s.secret());
        int expected = switch (g) {
            case X25519 -> 32;
            case SECP256R1 -> 65;
            case X25519MLKEM768 -> 1184 + 32;
        };
        assertThat(c.publicShare()).hasSize(expected);
        assertThat(s.secret()).hasSize(g == NamedGroup.X25519MLKEM768 ? 64 : 32);
        assertThatThrownBy(() -> g.respond(new byte[3], r)).isInstanceOf(DtlsException.class);
        assertThatThrownBy(() -> c.complete(new byte[7])).isInstanceOf(DtlsException.class);
    }

    @Test
    void allZeroX25519AndOffCurveP256SharesAreRejected() {
        SecureRandom r = new SecureRandom();
        assertThatThrownBy(() -> NamedGroup.X25519.generate(r).complete(new byte[32])).isInstanceOf(DtlsException.class);
        byte[] bad = new byte[65];
        bad[0] = 4;
        bad[64] = 1;
        assertThatThrownBy(() -> NamedGroup.SECP256R1.generate(r).complete(bad)).isInstanceOf(DtlsException.class);
    }

    @Test
    void helloRetryRandomIsSha256OfHelloRetryRequest() throws Exception {
        assertThat(java.security.MessageDigest.getInstance("SHA-256").digest("HelloRetryRequest".getBytes()))
                .isEqualTo(ServerHello.HRR_RANDOM);
    }
}
