package org.jwebrtc.sctp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** DCEP codec (RFC 8832 §5). */
class DcepMessageProperties {
    @Provide
    Arbitrary<DcepMessage> messages() {
        Arbitrary<String> text = Arbitraries.strings().withCharRange('a', 'z').withChars('é', '中', ' ', '-')
                .ofMaxLength(40);
        Arbitrary<DcepMessage> open = Combinators.combine(Arbitraries.of(ChannelType.values()),
                Arbitraries.integers().between(0, 0xffff), Arbitraries.longs().between(0, 0xffffffffL), text, text)
                .as(DcepMessage.Open::new);
        return Arbitraries.oneOf(open, Arbitraries.just(new DcepMessage.Ack()));
    }

    @Property
    void roundTrips(@ForAll("messages") DcepMessage m) throws SctpException {
        byte[] b = m.toBytes();
        DcepMessage back = DcepMessage.parse(b, 0, b.length);
        assertThat(back).isEqualTo(m);
        assertThat(back.toBytes()).isEqualTo(b);
    }

    @Property
    void anyBytesGiveAMessageOrSctpException(@ForAll byte[] bytes) {
        try {
            DcepMessage.parse(bytes, 0, bytes.length);
        } catch (SctpException expected) {
            assertThat(expected.offset()).isBetween(0, bytes.length);
        }
    }

    @Property
    void prefixesAndBitFlipsGiveAMessageOrSctpException(@ForAll("messages") DcepMessage m,
                                                        @ForAll @IntRange(min = 0) int where,
                                                        @ForAll @IntRange(min = 0, max = 7) int bit) {
        byte[] b = m.toBytes();
        for (int n = 0; n <= b.length; n++) {
            try {
                DcepMessage.parse(b, 0, n);
            } catch (SctpException expected) {
                assertThat(expected.offset()).isBetween(0, b.length);
            }
        }
        b[where % b.length] ^= (byte) (1 << bit);
        try {
            DcepMessage.parse(b, 0, b.length);
        } catch (SctpException expected) {
            assertThat(expected.offset()).isBetween(0, b.length);
        }
    }

    @Example
    void rfc8832OpenLayout() throws SctpException {
        // type 0x03, partial-reliable-rexmit-unordered 0x81, priority 256, 3 retransmits, label "chat", protocol ""
        byte[] b = HexFormat.of().parseHex("0381010000000003000400006368617" + "4");
        DcepMessage.Open o = (DcepMessage.Open) DcepMessage.parse(b, 0, b.length);
        assertThat(o.channelType()).isEqualTo(ChannelType.PARTIAL_RELIABLE_REXMIT_UNORDERED);
        assertThat(o.priority()).isEqualTo(256);
        assertThat(o.reliabilityParameter()).isEqualTo(3);
        assertThat(o.label()).isEqualTo("chat");
        assertThat(o.protocol()).isEmpty();
        assertThat(new DcepMessage.Ack().toBytes()).containsExactly(0x02);
    }
}
