package org.jwebrtc.stun;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.jwebrtc.stun.internal.Utf8;

/** Our allocation-free UTF-8 check agrees with the JDK's strict decoder. */
class Utf8Properties {

    private static boolean jdkValid(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Property(tries = 3000)
    void agreesWithTheJdkOnRandomBytes(@ForAll @Size(max = 12) byte[] b) {
        assertThat(Utf8.firstInvalid(b, 0, b.length) < 0).isEqualTo(jdkValid(b));
    }

    @Property
    void acceptsEveryEncodedString(@ForAll String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8.firstInvalid(b, 0, b.length) < 0).isEqualTo(jdkValid(b));
    }

    @Example
    void edges() {
        byte[][] bad = {{(byte) 0xC0, (byte) 0x80}, {(byte) 0xE0, (byte) 0x80, (byte) 0x80},
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xE3, (byte) 0x83}};
        for (byte[] b : bad) {
            assertThat(Utf8.firstInvalid(b, 0, b.length)).isNotNegative();
            assertThat(jdkValid(b)).isFalse();
        }
        byte[] ok = "\u30DE\uD83D\uDE00\u00E9".getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8.firstInvalid(ok, 0, ok.length)).isEqualTo(-1);
    }
}
