package org.jwebrtc.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Round trips, tampering, replay and hostile input over every profile. */
class SrtpContextProperties {

    @Provide
    Arbitrary<byte[]> payloads() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(1400);
    }

    @Property(tries = 300)
    void rtpRoundTripRestoresThePacket(@ForAll SrtpProfile profile, @ForAll("payloads") byte[] payload,
                                       @ForAll int ssrc, @ForAll @IntRange(max = 65535) int seq,
                                       @ForAll @IntRange(max = 15) int csrcs,
                                       @ForAll @IntRange(min = -1, max = 4) int extWords) {
        byte[] buf = TestPackets.rtp(seq, ssrc, csrcs, extWords, payload);
        int len = TestPackets.rtpLength(buf);
        byte[] plain = TestPackets.copy(buf, len);
        SrtpContext tx = TestPackets.context(profile);
        SrtpContext rx = TestPackets.context(profile);

        int n = tx.protectRtp(buf, 0, len);
        assertThat(n).isEqualTo(len + profile.rtpOverhead());
        if (payload.length >= 8) { // the payload no longer reads as plaintext
            assertThat(Arrays.equals(buf, len - payload.length, len, plain, len - payload.length, len)).isFalse();
        }
        assertThat(rx.unprotectRtp(buf, 0, n)).isEqualTo(len);
        assertThat(TestPackets.copy(buf, len)).isEqualTo(plain);
        assertThat(rx.stats().rtpUnprotected()).isEqualTo(1);
    }

    @Property(tries = 200)
    void rtcpRoundTripRestoresThePacket(@ForAll SrtpProfile profile, @ForAll @Size(max = 300) byte[] body,
                                        @ForAll int ssrc, @ForAll boolean encrypt) {
        byte[] buf = TestPackets.rtcp(ssrc, body);
        int len = 8 + body.length;
        byte[] plain = TestPackets.copy(buf, len);
        SrtpOptions o = new SrtpOptions(128, true, encrypt);
        SrtpContext tx = TestPackets.context(profile, o);
        SrtpContext rx = TestPackets.context(profile, o);

        int n = tx.protectRtcp(buf, 0, len);
        assertThat(n).isEqualTo(len + profile.rtcpOverhead());
        assertThat(rx.unprotectRtcp(buf, 0, n)).isEqualTo(len);
        assertThat(TestPackets.copy(buf, len)).isEqualTo(plain);
    }

    @Property(tries = 100)
    void roundTripWorksAtAnOffsetInsideALargerBuffer(@ForAll SrtpProfile profile, @ForAll("payloads") byte[] payload,
                                                     @ForAll @IntRange(max = 100) int off) {
        byte[] packet = TestPackets.rtp(7, 0x1234, 0, -1, payload);
        int len = TestPackets.rtpLength(packet);
        byte[] buf = new byte[off + packet.length];
        System.arraycopy(packet, 0, buf, off, packet.length);
        int n = TestPackets.context(profile).protectRtp(buf, off, len);
        assertThat(TestPackets.context(profile).unprotectRtp(buf, off, n)).isEqualTo(len);
        assertThat(Arrays.copyOfRange(buf, off, off + len)).isEqualTo(TestPackets.copy(packet, len));
    }

    @Property(tries = 200)
    void anyTamperedRtpByteFailsAuthentication(@ForAll SrtpProfile profile, @ForAll @Size(max = 200) byte[] payload,
                                               @ForAll @IntRange(max = 3) int csrcs, @ForAll int position,
                                               @ForAll @IntRange(min = 1, max = 255) int delta) {
        byte[] buf = TestPackets.rtp(1000, 42, csrcs, -1, payload);
        int n = TestPackets.context(profile).protectRtp(buf, 0, TestPackets.rtpLength(buf));
        int at = Math.floorMod(position, n);
        buf[at] ^= (byte) delta;
        SrtpContext rx = TestPackets.context(profile);
        int r = rx.unprotectRtp(buf, 0, n);
        if (at == 0) { // version, X or CC changed: the header may no longer parse
            assertThat(r).isIn(SrtpContext.AUTH_FAILED, SrtpContext.MALFORMED);
        } else {
            assertThat(r).isEqualTo(SrtpContext.AUTH_FAILED);
            assertThat(rx.stats().rtpAuthFailed()).isEqualTo(1);
            assertThat(rx.stats().rtpStreams()).as("no state for a forged SSRC").isZero();
        }
    }

    @Property(tries = 200)
    void anyTamperedRtcpByteFailsAuthentication(@ForAll SrtpProfile profile, @ForAll @Size(max = 100) byte[] body,
                                                @ForAll int position, @ForAll @IntRange(min = 1, max = 255) int delta) {
        byte[] buf = TestPackets.rtcp(42, body);
        int n = TestPackets.context(profile).protectRtcp(buf, 0, 8 + body.length);
        int at = Math.floorMod(position, n);
        buf[at] ^= (byte) delta;
        int r = TestPackets.context(profile).unprotectRtcp(buf, 0, n);
        if (at == 0) {
            assertThat(r).isIn(SrtpContext.AUTH_FAILED, SrtpContext.MALFORMED);
        } else {
            assertThat(r).isEqualTo(SrtpContext.AUTH_FAILED);
        }
    }

    @Property(tries = 100)
    void aSecondCopyIsReplayed(@ForAll SrtpProfile profile, @ForAll @Size(max = 100) byte[] payload,
                               @ForAll @IntRange(max = 65535) int seq) {
        byte[] buf = TestPackets.rtp(seq, 9, 0, -1, payload);
        int n = TestPackets.context(profile).protectRtp(buf, 0, TestPackets.rtpLength(buf));
        byte[] copy = TestPackets.copy(buf, n);
        SrtpContext rx = TestPackets.context(profile);
        assertThat(rx.unprotectRtp(buf, 0, n)).isPositive();
        assertThat(rx.unprotectRtp(copy, 0, n)).isEqualTo(SrtpContext.REPLAYED);
        assertThat(rx.stats().rtpReplayed()).isEqualTo(1);

        byte[] rtcp = TestPackets.rtcp(9, payload.length % 4 == 0 ? payload : new byte[4]);
        int m = TestPackets.context(profile).protectRtcp(rtcp, 0, rtcp.length - TestPackets.SPARE);
        byte[] rtcpCopy = TestPackets.copy(rtcp, m);
        assertThat(rx.unprotectRtcp(rtcp, 0, m)).isPositive();
        assertThat(rx.unprotectRtcp(rtcpCopy, 0, m)).isEqualTo(SrtpContext.REPLAYED);
        assertThat(rx.stats().rtcpReplayed()).isEqualTo(1);
    }

    @Property(tries = 500)
    void randomBytesNeverThrow(@ForAll SrtpProfile profile, @ForAll @Size(max = 200) byte[] bytes,
                               @ForAll boolean forceVersion2) {
        if (forceVersion2 && bytes.length > 0) {
            bytes[0] = (byte) ((bytes[0] & 0x3f) | 0x80);
        }
        SrtpContext rx = TestPackets.context(profile);
        assertThat(rx.unprotectRtp(bytes.clone(), 0, bytes.length)).isNegative();
        assertThat(rx.unprotectRtcp(bytes.clone(), 0, bytes.length)).isNegative();
        SrtpStats s = rx.stats();
        assertThat(s.rtpAuthFailed() + s.rtpMalformed() + s.rtpReplayed()).isEqualTo(1);
        assertThat(s.rtcpAuthFailed() + s.rtcpMalformed() + s.rtcpReplayed()).isEqualTo(1);
    }

    @Property(tries = 200)
    void bytesOutsideTheSliceAreNeverReadOrWritten(@ForAll SrtpProfile profile, @ForAll boolean rtcp,
                                                   @ForAll @Size(max = 120) byte[] payload, @ForAll boolean valid,
                                                   @ForAll @IntRange(max = 40) int off, @ForAll long seed) {
        byte[] packet;
        int len;
        if (rtcp) {
            packet = TestPackets.rtcp(3, Arrays.copyOf(payload, payload.length & ~3));
            len = valid ? TestPackets.context(profile).protectRtcp(packet, 0, 8 + (payload.length & ~3))
                        : 8 + (payload.length & ~3);
        } else {
            packet = TestPackets.rtp(3, 3, 0, -1, payload);
            len = valid ? TestPackets.context(profile).protectRtp(packet, 0, TestPackets.rtpLength(packet))
                        : TestPackets.rtpLength(packet);
        }
        java.util.Random r = new java.util.Random(seed);
        byte[] a = new byte[off + len + 40];
        byte[] b = new byte[off + len + 40];
        r.nextBytes(a);
        r.nextBytes(b);
        System.arraycopy(packet, 0, a, off, len);
        System.arraycopy(packet, 0, b, off, len);
        byte[] aBefore = a.clone();
        byte[] bBefore = b.clone();
        SrtpContext ca = TestPackets.context(profile);
        SrtpContext cb = TestPackets.context(profile);
        int ra = rtcp ? ca.unprotectRtcp(a, off, len) : ca.unprotectRtp(a, off, len);
        int rb = rtcp ? cb.unprotectRtcp(b, off, len) : cb.unprotectRtp(b, off, len);
        assertThat(ra).isEqualTo(rb);
        assertThat(Arrays.copyOfRange(a, off, off + len)).isEqualTo(Arrays.copyOfRange(b, off, off + len));
        assertThat(Arrays.copyOfRange(a, 0, off)).isEqualTo(Arrays.copyOfRange(aBefore, 0, off));
        assertThat(Arrays.copyOfRange(a, off + len, a.length)).isEqualTo(Arrays.copyOfRange(aBefore, off + len, a.length));
        assertThat(Arrays.copyOfRange(b, off + len, b.length)).isEqualTo(Arrays.copyOfRange(bBefore, off + len, b.length));
        if (valid) {
            assertThat(ra).isPositive();
        }
    }

    @Property(tries = 100)
    void everyTruncationIsRejected(@ForAll SrtpProfile profile, @ForAll @Size(max = 64) byte[] payload,
                                   @ForAll @IntRange(min = -1, max = 2) int extWords) {
        byte[] buf = TestPackets.rtp(5, 77, 1, extWords, payload);
        int n = TestPackets.context(profile).protectRtp(buf, 0, TestPackets.rtpLength(buf));
        for (int cut = 0; cut < n; cut++) {
            int r = TestPackets.context(profile).unprotectRtp(buf.clone(), 0, cut);
            assertThat(r).as("prefix %d", cut).isIn(SrtpContext.MALFORMED, SrtpContext.AUTH_FAILED);
        }
        byte[] rtcp = TestPackets.rtcp(77, new byte[payload.length & ~3]);
        int m = TestPackets.context(profile).protectRtcp(rtcp, 0, 8 + (payload.length & ~3));
        for (int cut = 0; cut < m; cut++) {
            int r = TestPackets.context(profile).unprotectRtcp(rtcp.clone(), 0, cut);
            assertThat(r).as("prefix %d", cut).isIn(SrtpContext.MALFORMED, SrtpContext.AUTH_FAILED);
        }
    }

    @Example
    void extensionLengthOverrunningThePacketIsMalformed() {
        byte[] b = TestPackets.rtp(1, 1, 0, 0, new byte[40]);
        b[14] = (byte) 0xff; // extension length 0xff00 words
        SrtpContext rx = TestPackets.context(SrtpProfile.AES_CM_128_HMAC_SHA1_80);
        assertThat(rx.unprotectRtp(b, 0, TestPackets.rtpLength(b))).isEqualTo(SrtpContext.MALFORMED);
        assertThat(rx.stats().rtpMalformed()).isEqualTo(1);
    }
}
