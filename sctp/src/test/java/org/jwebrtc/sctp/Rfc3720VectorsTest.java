package org.jwebrtc.sctp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.jwebrtc.testsupport.Json;
import org.jwebrtc.testsupport.SharedFiles;

/** RFC 3720 B.4 CRC-32C vectors (the examples RFC 9260 Appendix B refers to). */
class Rfc3720VectorsTest {
    @Test
    void everyVectorMatchesValueAndWireOrder() {
        Map<String, Object> root = Json.object(SharedFiles.json(SharedFiles.vectors("crc32c", "rfc3720-b4.json")));
        List<Object> vectors = Json.array(root.get("vectors"));
        assertThat(vectors).hasSizeGreaterThanOrEqualTo(5);
        Crc32c crc = new Crc32c();
        for (Object o : vectors) {
            Map<String, Object> v = Json.object(o);
            byte[] input = HexFormat.of().parseHex((String) v.get("input_hex"));
            int expected = (int) Long.parseLong(((String) v.get("crc32c_value")).substring(2), 16);
            int got = crc.compute(input, 0, input.length);
            assertThat(got).as((String) v.get("name")).isEqualTo(expected);
            // in an SCTP header the value goes least-significant byte first, as the RFC prints it
            byte[] header = new byte[12];
            Crc32c.writeField(header, 0, got);
            Object printed = v.get("crc32c_wire_bytes_as_printed_in_rfc");   // null for the catalogue check value
            if (printed != null) {
                assertThat(HexFormat.of().formatHex(header, 8, 12)).isEqualTo(printed);
            }
            assertThat(Crc32c.readField(header, 0)).isEqualTo(expected);
        }
    }

    @Test
    void packetChecksumTreatsFieldAsZero() {
        byte[] p = new SctpPacket(5000, 5000, 0x01020304L, List.of(CookieAck.INSTANCE)).toBytes();
        Crc32c crc = new Crc32c();
        int field = Crc32c.readField(p, 0);
        assertThat(crc.computePacket(p, 0, p.length)).isEqualTo(field);
        Crc32c.writeField(p, 0, 0);
        assertThat(crc.compute(p, 0, p.length)).isEqualTo(field);
    }
}
