package org.jwebrtc.rtp.rtx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.jwebrtc.rtp.RtpException;
import org.jwebrtc.rtp.RtpHeader;
import org.jwebrtc.rtp.RtpPacket;

class RtxProperties {
    @Property
    void decapsulateInvertsEncapsulate(@ForAll @IntRange(min = 0, max = 0xFFFF) int seq,
            @ForAll @IntRange(min = 0, max = 0xFFFF) int rtxSeq, @ForAll @IntRange(min = 0, max = 126) int pt,
            @ForAll @Size(max = 1400) byte[] payload, @ForAll boolean marker,
            @ForAll @IntRange(min = 0, max = 0xFFFFFF) int ssrc) throws RtpException {
        byte[] orig = new RtpPacket(RtpHeader.of(pt, seq, 99, ssrc).withMarker(marker), payload).toBytes();
        RtxEncoder enc = new RtxEncoder(ssrc + 1, Map.of(pt, pt + 1), rtxSeq);
        byte[] buf = new byte[orig.length + 2];
        int n = enc.encapsulate(orig, 0, orig.length, buf, 0);
        int m = new RtxDecoder(ssrc, Map.of(pt + 1, pt)).decapsulate(buf, 0, n);
        assertThat(Arrays.copyOf(buf, m)).isEqualTo(orig);
    }

    @Property
    void anyBytesGiveAPacketAStatusOrRtpException(@ForAll byte[] bytes) {
        RtxDecoder dec = new RtxDecoder(1, Map.of(97, 96, 0, 1));
        try {
            int n = dec.decapsulate(bytes, 0, bytes.length);
            assertThat(n).isLessThanOrEqualTo(bytes.length);
        } catch (RtpException expected) {
            // malformed RTP is the module's exception, nothing else
        }
    }
}
