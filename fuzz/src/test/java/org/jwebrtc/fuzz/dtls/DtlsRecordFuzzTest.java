package org.jwebrtc.fuzz.dtls;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jwebrtc.dtls.DtlsEvent;
import org.jwebrtc.fuzz.Contract;

/**
 * Datagrams as our record layer gets them: any bytes fed to a connected server (after the RFC 7983
 * demux, so the first byte is put in the DTLS range 20..63) are dropped; no event, no exception, and
 * the connection still carries data (DESIGN §4: one bad datagram never kills a connection).
 */
class DtlsRecordFuzzTest {
    private static final byte[] PING = "ping".getBytes(StandardCharsets.UTF_8);

    @FuzzTest(maxDuration = "60s")
    void handleInput(byte[] input) {
        ConnectedPair pair = ConnectedPair.get();
        byte[] datagram = input.clone();
        if (datagram.length > 0) {
            datagram[0] = (byte) (20 + Math.floorMod(datagram[0], 44));
        }
        pair.server.handleInput(0, datagram, 0, datagram.length);
        DtlsEvent e = pair.server.pollEvent();
        if (e != null) {
            throw new AssertionError("an unauthenticated datagram produced " + e);
        }
        while (pair.server.pollTransmit() != null) {
            // retransmitted flights, if bctls answers a replayed handshake record: dropped
        }
        Contract.check(pair.server.isConnected(), "the server is no longer connected");
        pair.client.send(PING, 0, PING.length);
        byte[] d = pair.client.pollTransmit();
        pair.server.handleInput(0, d, 0, d.length);
        e = pair.server.pollEvent();
        Contract.check(e instanceof DtlsEvent.ApplicationData a && Arrays.equals(a.data(), PING),
                "data no longer flows after the datagram: " + e);
    }
}
