package org.jwebrtc.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** ROC across the 65535 → 0 wrap, reordering around it, and the replay window edges (RFC 3711 §3.3.1-3.3.2). */
class SrtpRolloverTest {

    private record Sent(int seq, byte[] wire, int len, byte[] plain) {}

    private static List<Sent> send(SrtpContext tx, int firstSeq, int count) {
        List<Sent> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int seq = (firstSeq + i) & 0xffff;
            byte[] payload = ("packet " + i).getBytes();
            byte[] buf = TestPackets.rtp(seq, 0x5eed, 0, -1, payload);
            int len = TestPackets.rtpLength(buf);
            byte[] plain = TestPackets.copy(buf, len);
            int n = tx.protectRtp(buf, 0, len);
            assertThat(n).isPositive();
            out.add(new Sent(seq, buf, n, plain));
        }
        return out;
    }

    private static void receive(SrtpContext rx, Sent s) {
        int r = rx.unprotectRtp(s.wire, 0, s.len);
        assertThat(r).as("seq %d", s.seq).isEqualTo(s.plain.length);
        assertThat(TestPackets.copy(s.wire, r)).isEqualTo(s.plain);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void inOrderAcrossTwoWraps(SrtpProfile p) {
        SrtpContext tx = TestPackets.context(p);
        SrtpContext rx = TestPackets.context(p);
        // 65530 .. 65535, 0 .. 65535, 0 .. 9 in steps: send every packet, receive every packet
        for (Sent s : send(tx, 65530, 65536 + 16)) {
            receive(rx, s);
        }
        assertThat(rx.stats().rtpUnprotected()).isEqualTo(65536 + 16);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void reorderedAroundTheWrap(SrtpProfile p) {
        SrtpContext tx = TestPackets.context(p);
        SrtpContext rx = TestPackets.context(p);
        List<Sent> sent = send(tx, 65500, 100); // 65500..65535, 0..63
        receive(rx, sent.get(0));
        List<Sent> rest = new ArrayList<>(sent.subList(1, sent.size()));
        // shuffle in small groups so reordering stays within the 128-packet window
        Random r = new Random(3);
        for (int i = 0; i < rest.size(); i += 10) {
            Collections.shuffle(rest.subList(i, Math.min(rest.size(), i + 10)), r);
        }
        for (Sent s : rest) {
            receive(rx, s);
        }
        // and the specific libsrtp pattern 65534, 0, 2, 1, 65535
        SrtpContext tx2 = TestPackets.context(p);
        SrtpContext rx2 = TestPackets.context(p);
        List<Sent> five = send(tx2, 65534, 5);
        for (int i : new int[] {0, 2, 4, 3, 1}) {
            receive(rx2, five.get(i));
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void replayAfterTheWrapIsDetected(SrtpProfile p) {
        SrtpContext tx = TestPackets.context(p);
        SrtpContext rx = TestPackets.context(p);
        List<Sent> sent = send(tx, 65534, 4); // 65534, 65535, 0, 1
        List<byte[]> copies = new ArrayList<>();
        for (Sent s : sent) {
            copies.add(TestPackets.copy(s.wire, s.len));
            receive(rx, s);
        }
        for (int i = 0; i < copies.size(); i++) {
            assertThat(rx.unprotectRtp(copies.get(i), 0, sent.get(i).len)).isEqualTo(SrtpContext.REPLAYED);
        }
    }

    @ParameterizedTest
    @EnumSource(value = SrtpProfile.class, names = {"AES_CM_128_HMAC_SHA1_80", "AEAD_AES_128_GCM"})
    void packetsOlderThanTheConfiguredWindowAreRejected(SrtpProfile p) {
        for (int window : new int[] {64, 128, 512}) {
            SrtpOptions o = SrtpOptions.defaults().withReplayWindowSize(window);
            SrtpContext tx = TestPackets.context(p, o);
            SrtpContext rx = TestPackets.context(p, o);
            List<Sent> sent = send(tx, 100, window + 2);
            receive(rx, sent.get(sent.size() - 1)); // highest = 100 + window + 1
            receive(rx, sent.get(2)); // age window - 1: still inside
            assertThat(rx.unprotectRtp(sent.get(1).wire, 0, sent.get(1).len)).as("window %d", window)
                    .isEqualTo(SrtpContext.REPLAYED); // age = window
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void protectingTheSameIndexTwiceIsRefused(SrtpProfile p) {
        SrtpContext tx = TestPackets.context(p);
        byte[] a = TestPackets.rtp(10, 1, 0, -1, new byte[20]);
        byte[] b = TestPackets.rtp(10, 1, 0, -1, new byte[20]);
        assertThat(tx.protectRtp(a, 0, TestPackets.rtpLength(a))).isPositive();
        // RFC 3711 §9.1: the same index would reuse the keystream (and a GCM nonce)
        assertThat(tx.protectRtp(b, 0, TestPackets.rtpLength(b))).isEqualTo(SrtpContext.REPLAYED);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void manySsrcsKeepIndependentState(SrtpProfile p) {
        SrtpContext tx = TestPackets.context(p);
        SrtpContext rx = TestPackets.context(p);
        for (int round = 0; round < 3; round++) {
            for (int ssrc = 0; ssrc < 100; ssrc++) {
                byte[] buf = TestPackets.rtp(round, ssrc * 0x01000193, 0, -1, new byte[8]);
                int n = tx.protectRtp(buf, 0, TestPackets.rtpLength(buf));
                assertThat(rx.unprotectRtp(buf, 0, n)).isEqualTo(20);
            }
        }
        assertThat(rx.stats().rtpStreams()).isEqualTo(100);
        assertThat(tx.stats().rtpStreams()).isEqualTo(100);
    }
}
