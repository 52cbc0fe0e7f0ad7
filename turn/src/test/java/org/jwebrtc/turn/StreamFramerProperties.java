package org.jwebrtc.turn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.jwebrtc.stun.StunClass;
import org.jwebrtc.stun.StunMessage;
import org.jwebrtc.stun.StunMethod;
import org.jwebrtc.stun.TransactionId;

/** Stream framing (RFC 8656 §12.5, RFC 6062 §4): frames come back whatever the read boundaries. */
class StreamFramerProperties {

    @Provide
    Arbitrary<byte[]> frames() {
        Arbitrary<byte[]> channelData = Arbitraries.bytes().array(byte[].class).ofMaxSize(300).map(d -> {
            byte[] out = new byte[ChannelData.encodedLength(d.length, true)];
            ChannelData.encode(0x4000 + d.length % 0x1000, d, 0, d.length, out, 0, true);
            return out;
        });
        Arbitrary<byte[]> stun = Arbitraries.bytes().array(byte[].class).ofSize(12).map(id ->
                StunMessage.of(StunClass.INDICATION, StunMethod.DATA, TransactionId.of(id),
                        new Data(Arrays.copyOf(id, id[0] & 0x3F)).toRaw(TransactionId.of(id))).toBytes());
        return Arbitraries.oneOf(channelData, stun);
    }

    @Property
    void framesSurviveAnySplitting(@ForAll @Size(max = 20) List<@net.jqwik.api.From("frames") byte[]> frames,
                                   @ForAll @IntRange(min = 1, max = 97) int chunk) throws TurnException {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        frames.forEach(stream::writeBytes);
        byte[] all = stream.toByteArray();
        StreamFramer f = new StreamFramer();
        List<byte[]> got = new ArrayList<>();
        for (int i = 0; i < all.length; i += chunk) {
            f.feed(all, i, Math.min(chunk, all.length - i));
            while (f.next()) {
                got.add(Arrays.copyOfRange(f.buffer(), f.frameOffset(), f.frameOffset() + f.frameLength()));
            }
        }
        assertThat(got).hasSize(frames.size());
        for (int i = 0; i < got.size(); i++) {
            assertThat(got.get(i)).isEqualTo(frames.get(i));
        }
        assertThat(f.buffered()).isZero();
    }

    @Property
    void anyBytesGiveFramesOrTurnException(@ForAll @Size(max = 200) byte[] bytes) {
        StreamFramer f = new StreamFramer();
        f.feed(bytes, 0, bytes.length);
        try {
            while (f.next()) {
                assertThat(f.frameOffset() + f.frameLength()).isLessThanOrEqualTo(f.buffer().length);
            }
        } catch (TurnException expected) {
            // not STUN or ChannelData: the connection is closed
        }
    }

    @Example
    void dtlsInATurnStreamIsRejected() {
        StreamFramer f = new StreamFramer();
        f.feed(new byte[] {22, (byte) 0xFE, (byte) 0xFD, 0}, 0, 4);
        try {
            f.next();
            throw new AssertionError("accepted");
        } catch (TurnException expected) {
            assertThat(expected).hasMessageContaining("neither STUN nor ChannelData");
        }
    }
}
