package org.jwebrtc.fuzz.sctp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.List;
import org.jwebrtc.fuzz.Contract;
import org.jwebrtc.sctp.Chunk;
import org.jwebrtc.sctp.DataChunkView;
import org.jwebrtc.sctp.Parameter;
import org.jwebrtc.sctp.SctpException;

/**
 * Each chunk parser directly (DATA, INIT/INIT-ACK, SACK, HEARTBEAT(-ACK), ABORT, SHUTDOWN*, ERROR,
 * COOKIE-*, FORWARD-TSN, RE-CONFIG, unknown), the zero-copy DATA view and the TLV parameter list:
 * SctpException or a value that re-encodes canonically.
 */
class SctpChunkFuzzTest {
    private final DataChunkView view = new DataChunkView();

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] input) {
        try {
            Chunk c = Chunk.parse(input, 0, input.length);
            byte[] encoded = c.toBytes();
            Chunk again;
            try {
                again = Chunk.parse(encoded, 0, encoded.length);
            } catch (SctpException e) {
                throw Contract.unreadableOwnOutput(c.getClass().getSimpleName() + ".toBytes", e);
            }
            Contract.sameAfterRoundTrip(c, again, "chunk");
            Contract.check(Arrays.equals(encoded, again.toBytes()), "chunk re-encoding is not canonical");
        } catch (SctpException expected) {
            // fine
        }
        try {
            view.wrap(input, 0, input.length);
            view.tsn();
            view.streamId();
            view.ssn();
            view.ppid();
            view.unordered();
            view.beginning();
            view.ending();
            view.immediate();
            Contract.check(view.payloadOffset() + view.payloadLength() <= input.length, "DATA payload past the chunk");
            Contract.check(view.chunkLength() <= input.length + 3, "DATA chunk length past the input");
            byte[] copy = new byte[view.payloadLength()];
            view.copyPayload(copy, 0);
        } catch (SctpException expected) {
            // fine
        }
        try {
            List<Parameter> params = Parameter.parseList(input, 0, input.length);
            Contract.check(params != null, "null parameter list");
        } catch (SctpException expected) {
            // fine
        }
    }
}
