package org.jwebrtc.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A seeded lossy link (10 % loss, reordering by up to 40 packets, 5 % duplicates) carrying 140,000
 * SRTP packets across three sequence-number wraps: every first copy must come out intact, every
 * duplicate must be {@code REPLAYED}, nothing may fail authentication (the ROC guess never slips).
 */
class LossyLinkSimulationTest {

    private record InFlight(long deliverAt, long index, byte[] wire, int len) {}

    @ParameterizedTest
    @EnumSource(value = SrtpProfile.class, names = {"AES_CM_128_HMAC_SHA1_80", "AEAD_AES_128_GCM"})
    void firstCopiesArriveDuplicatesAreReplayed(SrtpProfile p) {
        Random rnd = new Random(20261125);
        SrtpContext tx = TestPackets.context(p);
        SrtpContext rx = TestPackets.context(p);
        PriorityQueue<InFlight> link = new PriorityQueue<>((a, b) -> Long.compare(a.deliverAt, b.deliverAt));
        int firstSeq = 65_000;
        int packets = 140_000; // 65,000 .. 204,999: three wraps
        long duplicatesSent = 0;
        long delivered = 0;
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < packets || !link.isEmpty(); i++) {
            if (i < packets) {
                long index = firstSeq + i; // sender's 48-bit index: ROC = index >>> 16
                byte[] payload = ByteBuffer.allocate(16).putLong(index).putLong(~index).array();
                byte[] buf = TestPackets.rtp((int) (index & 0xffff), 0xfeed, 0, -1, payload);
                int n = tx.protectRtp(buf, 0, TestPackets.rtpLength(buf));
                if (rnd.nextInt(100) >= 10) {
                    link.add(new InFlight(i + rnd.nextInt(40), index, buf, n));
                    if (rnd.nextInt(100) < 5) {
                        link.add(new InFlight(i + rnd.nextInt(40), index, TestPackets.copy(buf, n), n));
                        duplicatesSent++;
                    }
                }
            }
            while (!link.isEmpty() && link.peek().deliverAt <= i) {
                InFlight f = link.poll();
                delivered++;
                int r = rx.unprotectRtp(f.wire, 0, f.len);
                if (seen.add(f.index)) {
                    assertThat(r).as("first copy of index %d", f.index).isEqualTo(28);
                    assertThat(ByteBuffer.wrap(f.wire, 12, 16).getLong()).isEqualTo(f.index);
                } else {
                    assertThat(r).as("duplicate of index %d", f.index).isEqualTo(SrtpContext.REPLAYED);
                }
            }
        }
        SrtpStats s = rx.stats();
        assertThat(s.rtpAuthFailed()).isZero();
        assertThat(s.rtpReplayed()).isEqualTo(duplicatesSent);
        assertThat(s.rtpUnprotected() + s.rtpReplayed()).isEqualTo(delivered);
        assertThat(s.rtpUnprotected()).isGreaterThan(packets * 85L / 100);
    }
}
