package org.jwebrtc.stun;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jwebrtc.testsupport.Json;
import org.jwebrtc.testsupport.SharedFiles;
import org.junit.jupiter.api.Test;

/** RFC 5769 §2: every vector decodes, verifies, and re-encodes to the same bytes. */
class Rfc5769VectorsTest {
    private static final HexFormat HEX = HexFormat.of();

    private static Map<String, Object> vector(String section) {
        Map<String, Object> root = Json.object(SharedFiles.json(SharedFiles.vectors("stun", "rfc5769.json")));
        for (Object v : Json.array(root.get("vectors"))) {
            Map<String, Object> m = Json.object(v);
            if (section.equals(m.get("rfc_section"))) {
                return m;
            }
        }
        throw new AssertionError("no vector " + section);
    }

    private static byte[] bytes(Map<String, Object> v) {
        return HEX.parseHex((String) v.get("message_hex"));
    }

    private static Map<String, Object> expect(Map<String, Object> v) {
        return Json.object(v.get("expect"));
    }

    @Test
    void hexFilesMatchTheJson() {
        for (String s : List.of("2.1", "2.2", "2.3", "2.4")) {
            byte[] file = SharedFiles.hexFile(SharedFiles.vectors("stun", "rfc5769-" + s.replace('.', '_') + ".hex"));
            assertThat(file).isEqualTo(bytes(vector(s)));
            assertThat(file).hasSize(((Number) vector(s).get("length")).intValue());
        }
    }

    @Test
    void sampleRequest() throws Exception {
        Map<String, Object> v = vector("2.1");
        byte[] b = bytes(v);
        byte[] key = HEX.parseHex((String) v.get("integrity_key_hex"));
        assertThat(new String(key, StandardCharsets.UTF_8)).isEqualTo(v.get("integrity_key_utf8"));
        Map<String, Object> e = expect(v);

        StunMessage m = StunMessage.parse(b, 0, b.length);
        assertThat(m.messageType()).isEqualTo(0x0001);
        assertThat(m.messageClass()).isEqualTo(StunClass.REQUEST);
        assertThat(m.method()).isEqualTo(StunMethod.BINDING);
        assertThat(m.transactionId()).isEqualTo(TransactionId.ofHex((String) e.get("transaction_id")));
        assertThat(m.attribute(Software.class)).contains(new Software((String) e.get("software")));
        assertThat(m.attribute(Username.class)).contains(new Username((String) e.get("username")));
        assertThat(m.attribute(Priority.class)).contains(new Priority(((Number) e.get("priority")).longValue()));
        assertThat(m.attribute(IceControlled.class))
                .contains(new IceControlled(Long.parseUnsignedLong((String) e.get("ice_controlled_tiebreaker"), 16)));
        assertThat(m.attribute(Fingerprint.class))
                .contains(new Fingerprint(Long.parseLong((String) e.get("fingerprint"), 16)));
        assertThat(m.has(MessageIntegrity.class)).isTrue();
        assertThat(m.unknownComprehensionRequired()).isEmpty();

        assertThat(StunMessage.verifyIntegrity(b, 0, b.length, key)).isTrue();
        assertThat(StunMessage.verifyIntegrity(b, 0, b.length, "wrong".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(StunMessage.verifyFingerprint(b, 0, b.length)).isTrue();
        assertThat(StunMessage.isStun(b, 0, b.length)).isTrue();
        assertThat(LongTermCredential.shortTermKey((String) v.get("integrity_key_utf8"))).isEqualTo(key);

        // padding aside (the vector pads with spaces), re-encoding gives the same bytes
        byte[] again = m.toBytes(key, true);
        assertThat(again).hasSize(b.length);
        assertThat(zeroPadding(b)).isEqualTo(zeroPaddingOf(again, b));
        assertThat(StunMessage.verifyIntegrity(again, 0, again.length, key)).isTrue();
        assertThat(StunMessage.verifyFingerprint(again, 0, again.length)).isTrue();
    }

    /** The vector with its two space-padded attributes' padding zeroed. */
    private static byte[] zeroPadding(byte[] b) {
        byte[] c = b.clone();
        // SOFTWARE "STUN test client" is 16 bytes (no padding); USERNAME "evtj:h6vY" is 9 bytes + 3 padding
        int usernameValue = 20 + 4 + 16 + 8 + 12 + 4;
        for (int i = usernameValue + 9; i < usernameValue + 12; i++) {
            assertThat(c[i]).isEqualTo((byte) 0x20);
            c[i] = 0;
        }
        return c;
    }

    /** Our encoding differs from the vector only in padding content, hence in MI and FINGERPRINT. */
    private static byte[] zeroPaddingOf(byte[] ours, byte[] vector) {
        byte[] c = ours.clone();
        int miValue = vector.length - 8 - 20;
        System.arraycopy(zeroPadding(vector), miValue, c, miValue, 20);
        System.arraycopy(vector, vector.length - 4, c, vector.length - 4, 4);
        return c;
    }

    @Test
    void ipv4Response() throws Exception {
        response("2.2", "192.0.2.1");
    }

    @Test
    void ipv6Response() throws Exception {
        response("2.3", "2001:db8:1234:5678:11:2233:4455:6677");
    }

    private void response(String section, String address) throws Exception {
        Map<String, Object> v = vector(section);
        byte[] b = bytes(v);
        byte[] key = HEX.parseHex((String) v.get("integrity_key_hex"));
        Map<String, Object> e = expect(v);
        StunMessage m = StunMessage.parse(b, 0, b.length);
        assertThat(m.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
        assertThat(m.messageType()).isEqualTo(0x0101);
        assertThat(m.transactionId()).isEqualTo(TransactionId.ofHex((String) e.get("transaction_id")));
        assertThat(m.attribute(Software.class)).contains(new Software((String) e.get("software")));
        InetSocketAddress expected = new InetSocketAddress(InetAddress.getByName((String) e.get("xor_mapped_address")),
                ((Number) e.get("xor_mapped_port")).intValue());
        assertThat(expected.getAddress().getHostAddress()).isEqualTo(InetAddress.getByName(address).getHostAddress());
        assertThat(m.attribute(XorMappedAddress.class)).contains(new XorMappedAddress(expected));
        assertThat(m.attribute(Fingerprint.class))
                .contains(new Fingerprint(Long.parseLong((String) e.get("fingerprint"), 16)));
        assertThat(StunMessage.verifyIntegrity(b, 0, b.length, key)).isTrue();
        assertThat(StunMessage.verifyFingerprint(b, 0, b.length)).isTrue();

        // SOFTWARE "test vector" (11 bytes) is padded with one 0x20 byte in the RFC
        byte[] zeroed = b.clone();
        assertThat(zeroed[20 + 4 + 11]).isEqualTo((byte) 0x20);
        zeroed[20 + 4 + 11] = 0;
        byte[] again = m.toBytes(key, true);
        int tail = 8 + 24;
        assertThat(java.util.Arrays.copyOf(again, b.length - tail)).isEqualTo(java.util.Arrays.copyOf(zeroed, b.length - tail));
        assertThat(again).hasSize(b.length);
        assertThat(StunMessage.verifyIntegrity(again, 0, again.length, key)).isTrue();
    }

    @Test
    void longTermRequest() throws Exception {
        Map<String, Object> v = vector("2.4");
        byte[] b = bytes(v);
        Map<String, Object> e = expect(v);
        String password = (String) v.get("password_before_saslprep");
        assertThat(password).isEqualTo("The\u00ADM\u00AAtr\u2168");
        assertThat(PasswordProfile.SASLPREP.prepare(password)).isEqualTo(v.get("password_after_saslprep"));

        StunMessage m = StunMessage.parse(b, 0, b.length);
        assertThat(m.transactionId()).isEqualTo(TransactionId.ofHex((String) e.get("transaction_id")));
        String username = m.attribute(Username.class).orElseThrow().value();
        assertThat(username).isEqualTo(e.get("username")).isEqualTo(v.get("username_utf8"));
        assertThat(m.attribute(Nonce.class)).contains(new Nonce((String) e.get("nonce")));
        assertThat(m.attribute(Realm.class)).contains(new Realm((String) e.get("realm")));
        assertThat(m.has(Fingerprint.class)).isFalse();

        byte[] key = LongTermCredential.key(PasswordAlgorithm.MD5, username, (String) v.get("realm"), password,
                PasswordProfile.SASLPREP);
        assertThat(HEX.formatHex(key)).isEqualTo(v.get("integrity_key_hex"));
        assertThat(StunMessage.verifyIntegrity(b, 0, b.length, key)).isTrue();
        assertThat(StunMessage.verifyFingerprint(b, 0, b.length)).isFalse();
        // this vector is zero-padded: byte-exact re-encoding
        assertThat(m.toBytes(key, false)).isEqualTo(b);
    }

    @Test
    void rfc8489KeyExample() {
        // RFC 8489 §9.2.2: 'user', 'realm', 'pass' -> 0x8493fbc53ba582fb4c044c456bdc40eb
        assertThat(HEX.formatHex(LongTermCredential.key("user", "realm", "pass")))
                .isEqualTo("8493fbc53ba582fb4c044c456bdc40eb");
    }
}
