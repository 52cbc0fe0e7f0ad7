package org.jwebrtc.turn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** ChannelData (RFC 8656 §12.4): round trips and hostile input. */
class ChannelDataProperties {

    @Property
    void wrapOfEncodeGivesTheChannelAndData(@ForAll @IntRange(min = 0x4000, max = 0x4FFF) int channel,
                                            @ForAll @Size(max = 1500) byte[] data, @ForAll boolean padded,
                                            @ForAll @IntRange(max = 7) int offset) throws TurnException {
        byte[] buf = new byte[offset + ChannelData.encodedLength(data.length, padded)];
        int n = ChannelData.encode(channel, data, 0, data.length, buf, offset, padded);
        assertThat(n % 4 == 0 || !padded).isTrue();
        ChannelData v = new ChannelData().wrap(buf, offset, n);
        assertThat(v.channel()).isEqualTo(channel);
        assertThat(Arrays.copyOfRange(buf, v.dataOffset(), v.dataOffset() + v.dataLength())).isEqualTo(data);
    }

    /** Canonical (unpadded, exact length) messages re-encode to the same bytes. */
    @Property
    void encodeOfWrapIsIdentityOnCanonicalMessages(@ForAll @IntRange(min = 0x4000, max = 0x4FFF) int channel,
                                                   @ForAll @Size(max = 300) byte[] data) throws TurnException {
        byte[] wire = new byte[4 + data.length];
        wire[0] = (byte) (channel >>> 8);
        wire[1] = (byte) channel;
        wire[2] = (byte) (data.length >>> 8);
        wire[3] = (byte) data.length;
        System.arraycopy(data, 0, wire, 4, data.length);
        ChannelData v = new ChannelData().wrap(wire, 0, wire.length);
        byte[] again = new byte[wire.length];
        ChannelData.encode(v.channel(), wire, v.dataOffset(), v.dataLength(), again, 0, false);
        assertThat(again).isEqualTo(wire);
    }

    @Property
    void anyBytesGiveAViewOrTurnException(@ForAll @Size(max = 80) byte[] bytes) {
        try {
            ChannelData v = new ChannelData().wrap(bytes, 0, bytes.length);
            assertThat(v.dataOffset() + v.dataLength()).isLessThanOrEqualTo(bytes.length);
        } catch (TurnException expected) {
            assertThat(expected.offset()).isBetween(0, bytes.length);
        }
    }

    @Property
    void everyTruncationIsRejectedOrShorter(@ForAll @Size(min = 1, max = 100) byte[] data) throws TurnException {
        byte[] wire = new byte[4 + data.length];
        ChannelData.encode(0x4123, data, 0, data.length, wire, 0, false);
        for (int cut = 0; cut < wire.length; cut++) {
            try {
                new ChannelData().wrap(wire, 0, cut);
                throw new AssertionError("a truncated message of " + cut + " bytes was accepted");
            } catch (TurnException expected) {
                // the length field runs past the end, or the header is incomplete
            }
        }
    }

    @Property
    void bitFlipsGiveAViewOrTurnException(@ForAll @Size(min = 1, max = 64) byte[] data,
                                          @ForAll @IntRange(max = 1000) int bit) {
        byte[] wire = new byte[4 + data.length];
        ChannelData.encode(0x4FFF, data, 0, data.length, wire, 0, false);
        int b = bit % (wire.length * 8);
        wire[b / 8] ^= (byte) (1 << (b % 8));
        try {
            new ChannelData().wrap(wire, 0, wire.length);
        } catch (TurnException expected) {
            // channel out of range or length too long
        }
    }

    @Example
    void emptyDataIsValid() throws TurnException {
        byte[] wire = {0x40, 0x00, 0x00, 0x00};
        assertThat(new ChannelData().wrap(wire, 0, 4).dataLength()).isZero();
    }
}
