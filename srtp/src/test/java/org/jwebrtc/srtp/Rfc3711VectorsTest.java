package org.jwebrtc.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jwebrtc.srtp.internal.AesCounterMode;
import org.jwebrtc.srtp.internal.KeyDerivation;
import org.jwebrtc.testsupport.Json;
import org.jwebrtc.testsupport.SharedFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 3711 B.2/B.3 and RFC 6188 §7: AES-CM keystream (128/192/256) and the AES-CM PRF key derivation. */
class Rfc3711VectorsTest {
    private static final HexFormat HEX = HexFormat.of();

    static List<Map<String, Object>> vectors(String type) {
        Object root = SharedFiles.json(SharedFiles.vectors("srtp", "aes-cm-and-kdf.json"));
        return Json.array(Json.object(root).get("vectors")).stream()
                .map(Json::object)
                .filter(v -> type.equals(v.get("type")))
                .toList();
    }

    static Stream<Arguments> keystreams() {
        return vectors("aes-cm-keystream").stream().map(v -> Arguments.of(v.get("name"), v));
    }

    static Stream<Arguments> kdfs() {
        return vectors("srtp-kdf").stream().map(v -> Arguments.of(v.get("name"), v));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keystreams")
    void keystreamSegmentMatches(String name, Map<String, Object> v) {
        byte[] key = HEX.parseHex((String) v.get("session_key"));
        byte[] iv = HEX.parseHex((String) v.get("session_salt_shifted"));
        int octets = ((Long) v.get("keystream_segment_octets")).intValue();
        byte[] segment = new byte[octets]; // zeros: XOR leaves the keystream itself
        new AesCounterMode(key).xorKeystream(iv, segment, 0, octets);

        List<Object> blocks = Json.array(v.get("blocks"));
        assertThat(blocks).hasSize(6);
        for (Object o : blocks) {
            Map<String, Object> b = Json.object(o);
            int at = ((Long) b.get("block_index")).intValue() * 16;
            assertThat(HEX.formatHex(segment, at, at + 16)).as("block %s", b.get("block_index"))
                    .isEqualTo(b.get("keystream"));
        }
        assertThat(octets).isEqualTo(((Long) v.get("keystream_blocks")).intValue() * 16);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kdfs")
    void keyDerivationMatches(String name, Map<String, Object> v) {
        byte[] masterKey = HEX.parseHex((String) v.get("master_key"));
        byte[] masterSalt = HEX.parseHex((String) v.get("master_salt"));
        String cipherKey = (String) v.get("srtp_cipher_key_label0");
        String salt = (String) v.get("srtp_cipher_salt_label2");
        String auth = (String) v.get("srtp_auth_key_label1");

        assertThat(HEX.formatHex(KeyDerivation.derive(masterKey, masterSalt, KeyDerivation.SRTP_ENCRYPTION,
                cipherKey.length() / 2))).isEqualTo(cipherKey);
        assertThat(HEX.formatHex(KeyDerivation.derive(masterKey, masterSalt, KeyDerivation.SRTP_SALT,
                salt.length() / 2))).isEqualTo(salt);
        // RFC 3711 B.3 prints 94 octets of auth-key keystream: compare all of it
        assertThat(HEX.formatHex(KeyDerivation.derive(masterKey, masterSalt, KeyDerivation.SRTP_AUTHENTICATION,
                auth.length() / 2))).isEqualTo(auth);
    }
}
