package org.jwebrtc.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import org.jwebrtc.testsupport.Json;
import org.jwebrtc.testsupport.SharedFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 7714 §16 (SRTP) and §17 (SRTCP) with AEAD_AES_128_GCM and AEAD_AES_256_GCM: protect gives
 * the printed bytes, unprotect restores the plaintext, and any single flipped bit fails authentication.
 */
class Rfc7714VectorsTest {
    private static final HexFormat HEX = HexFormat.of();

    static Stream<Arguments> vectors() {
        Object root = SharedFiles.json(SharedFiles.vectors("srtp", "rfc7714-aead-gcm.json"));
        return Json.array(Json.object(root).get("vectors")).stream()
                .map(Json::object)
                .map(v -> Arguments.of(v.get("name"), v));
    }

    private static boolean isRtcp(Map<String, Object> v) {
        return "SRTCP".equals(v.get("protocol"));
    }

    private static boolean encrypted(Map<String, Object> v) {
        String mode = (String) v.get("mode");
        return !mode.startsWith("tag-only") && !mode.startsWith("verify tag-only");
    }

    private static SrtpContext context(Map<String, Object> v) {
        byte[] key = HEX.parseHex((String) v.get("key"));
        byte[] salt = HEX.parseHex((String) v.get("salt"));
        SrtpProfile p = key.length == 16 ? SrtpProfile.AEAD_AES_128_GCM : SrtpProfile.AEAD_AES_256_GCM;
        boolean enc = encrypted(v);
        return SrtpContext.ofSessionKeys(p, key, salt, null, new SrtpOptions(128, enc, enc));
    }

    private static byte[] plain(Map<String, Object> v) {
        return HEX.parseHex((String) v.get(isRtcp(v) ? "rtcp_packet" : "rtp_packet"));
    }

    private static byte[] sealed(Map<String, Object> v) {
        return HEX.parseHex((String) v.get(isRtcp(v) ? "srtcp_packet" : "srtp_packet"));
    }

    private static int unprotect(SrtpContext c, boolean rtcp, byte[] b) {
        return rtcp ? c.unprotectRtcp(b, 0, b.length) : c.unprotectRtp(b, 0, b.length);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void protectGivesThePrintedPacket(String name, Map<String, Object> v) {
        byte[] plain = plain(v);
        byte[] expected = sealed(v);
        SrtpContext c = context(v);
        byte[] buf = Arrays.copyOf(plain, plain.length + 32);
        int n;
        if (isRtcp(v)) {
            c.setNextSrtcpIndex(0x4d617273L, ((Long) v.get("srtcp_index")).intValue());
            n = c.protectRtcp(buf, 0, plain.length);
        } else {
            n = c.protectRtp(buf, 0, plain.length);
        }
        assertThat(HEX.formatHex(buf, 0, n)).isEqualTo(HEX.formatHex(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void unprotectRestoresThePlaintext(String name, Map<String, Object> v) {
        byte[] buf = sealed(v);
        int n = unprotect(context(v), isRtcp(v), buf);
        assertThat(HEX.formatHex(buf, 0, n)).isEqualTo(HEX.formatHex(plain(v)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void everyFlippedBitFailsAuthentication(String name, Map<String, Object> v) {
        byte[] sealed = sealed(v);
        boolean rtcp = isRtcp(v);
        for (int bit = 0; bit < sealed.length * 8; bit++) {
            byte[] b = sealed.clone();
            b[bit >>> 3] ^= (byte) (1 << (bit & 7));
            int r = unprotect(context(v), rtcp, b);
            // flips in the first octet (version, X, CC) can make the header malformed before any crypto runs
            assertThat(r).as("bit %d", bit).isIn(SrtpContext.AUTH_FAILED, SrtpContext.MALFORMED);
            if (bit >= 8) {
                assertThat(r).as("bit %d", bit).isEqualTo(SrtpContext.AUTH_FAILED);
            }
        }
    }
}
