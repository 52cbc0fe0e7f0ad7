package org.jwebrtc.fuzz.turn;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import org.jwebrtc.fuzz.Contract;
import org.jwebrtc.turn.ChannelData;
import org.jwebrtc.turn.StreamFramer;
import org.jwebrtc.turn.TurnException;

/**
 * ChannelData (RFC 8656 §12.4) on any bytes: TurnException or a message that re-encodes to the same
 * channel and data (unpadded over UDP, padded over streams); and the TCP/TLS stream framer (§12.5,
 * RFC 8489 §6.2.2) fed the same bytes in two pieces split where byte 0 says: frames or TurnException.
 */
class TurnChannelDataFuzzTest {
    private final ChannelData view = new ChannelData();

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] input) {
        ChannelData.isChannelData(input, 0, input.length);
        try {
            view.wrap(input, 0, input.length);
            int channel = view.channel();
            Contract.check(channel >= 0x4000 && channel <= 0x4FFF, "channel " + channel + " outside 0x4000-0x4FFF");
            Contract.check(view.dataOffset() + view.dataLength() <= input.length, "data runs past the datagram");
            byte[] data = Arrays.copyOfRange(input, view.dataOffset(), view.dataOffset() + view.dataLength());
            for (boolean padded : new boolean[] {false, true}) {
                byte[] enc = new byte[ChannelData.encodedLength(data.length, padded)];
                int n = ChannelData.encode(channel, data, 0, data.length, enc, 0, padded);
                Contract.check(n == enc.length, "encode wrote " + n + " of " + enc.length);
                ChannelData again = new ChannelData().wrap(enc, 0, n);
                Contract.check(again.channel() == channel && again.dataLength() == data.length
                        && Arrays.equals(Arrays.copyOfRange(enc, again.dataOffset(), again.dataOffset() + again.dataLength()), data),
                        "ChannelData round trip (padded " + padded + ")");
            }
        } catch (TurnException expected) {
            // fine
        }

        StreamFramer framer = new StreamFramer();
        int cut = input.length == 0 ? 0 : (input[0] & 0xFF) % (input.length + 1);
        try {
            framer.feed(input, 0, cut);
            drain(framer);
            framer.feed(input, cut, input.length - cut);
            drain(framer);
        } catch (TurnException expected) {
            // fine: the stream is broken and must be closed
        }
    }

    private static void drain(StreamFramer framer) throws TurnException {
        while (framer.next()) {
            Contract.check(framer.frameOffset() >= 0 && framer.frameLength() >= 4
                    && framer.frameOffset() + framer.frameLength() <= framer.buffer().length, "frame out of the buffer");
        }
    }
}
