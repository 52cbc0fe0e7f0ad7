package org.jwebrtc.rtp.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.jwebrtc.rtp.RtpException;

class PacketizerProperties {

    @Provide
    Arbitrary<List<byte[]>> nalUnits() {
        Arbitrary<byte[]> nal = Combinators.combine(Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(1, 23),
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(4000))
                .as((nri, type, body) -> {
                    byte[] n = new byte[body.length + 1];
                    n[0] = (byte) (nri << 5 | type);
                    System.arraycopy(body, 0, n, 1, body.length);
                    return n;
                });
        return nal.list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 300)
    void h264RoundTrip(@ForAll("nalUnits") List<byte[]> nals, @ForAll @IntRange(min = 3, max = 1500) int mtu)
            throws RtpException {
        List<byte[]> payloads = new H264Packetizer(1).packetizeNals(nals, mtu);
        assertThat(payloads).allSatisfy(p -> assertThat(p.length).isBetween(1, mtu));
        assertThat(new H264Depacketizer().depacketizeNals(payloads)).containsExactlyElementsOf(nals);
        assertThat(new H264Depacketizer().depacketize(payloads)).isEqualTo(AnnexB.join(nals));
    }

    @Property(tries = 200)
    void h264AnnexBRoundTrip(@ForAll("nalUnits") List<byte[]> nals, @ForAll @IntRange(min = 3, max = 1500) int mtu)
            throws RtpException {
        // no zero bytes inside NAL units: then no start code can appear where none was written
        List<byte[]> clean = nals.stream().map(n -> {
            byte[] c = n.clone();
            for (int i = 1; i < c.length; i++) {
                c[i] = c[i] == 0 ? 1 : c[i];
            }
            return c;
        }).toList();
        byte[] stream = AnnexB.join(clean);
        assertThat(AnnexB.split(stream)).containsExactlyElementsOf(clean);
        List<byte[]> payloads = new H264Packetizer(1).packetize(stream, mtu);
        assertThat(new H264Depacketizer().depacketize(payloads)).isEqualTo(stream);
    }

    @Property(tries = 200)
    void h265RoundTrip(@ForAll("nalUnits") List<byte[]> h264Like, @ForAll @IntRange(min = 4, max = 1500) int mtu)
            throws RtpException {
        // reuse the generator: a 2-byte header with the same type (1..23, never AP/FU) and TID 1..7
        List<byte[]> nals = h264Like.stream().map(n -> {
            byte[] h = new byte[n.length + 1];
            System.arraycopy(n, 0, h, 1, n.length);
            h[0] = (byte) ((n[0] & 0x1F) << 1);
            h[1] = (byte) (1 + (n.length % 7));
            return h;
        }).toList();
        List<byte[]> payloads = new H265Packetizer().packetizeNals(nals, mtu);
        assertThat(payloads).allSatisfy(p -> assertThat(p.length).isLessThanOrEqualTo(mtu));
        assertThat(new H265Depacketizer().depacketizeNals(payloads)).containsExactlyElementsOf(nals);
    }

    @Property(tries = 200)
    void h264ModeZeroRoundTrip(@ForAll("nalUnits") List<byte[]> nals) throws RtpException {
        int mtu = nals.stream().mapToInt(n -> n.length).max().orElseThrow();
        List<byte[]> payloads = new H264Packetizer(0).packetizeNals(nals, mtu);
        assertThat(payloads).hasSameSizeAs(nals);
        assertThat(new H264Depacketizer().depacketizeNals(payloads)).containsExactlyElementsOf(nals);
    }

    @Property(tries = 300)
    void vp8RoundTrip(@ForAll @Size(min = 1, max = 30_000) byte[] frame, @ForAll @IntRange(min = 5, max = 1500) int mtu,
                      @ForAll("pictureIdBits") int bits) throws RtpException {
        List<byte[]> payloads = new Vp8Packetizer(bits, 0).packetize(frame, mtu);
        assertThat(payloads).allSatisfy(p -> assertThat(p.length).isLessThanOrEqualTo(mtu));
        assertThat(new Vp8Depacketizer().depacketize(payloads)).isEqualTo(frame);
        assertThat(new Vp8Depacketizer().isKeyframe(payloads.get(0))).isEqualTo((frame[0] & 1) == 0);
    }

    /** A low-overhead AV1 temporal unit: TD, then OBUs (types 1,3,4,5,6) with minimal LEB128 sizes. */
    @Provide
    Arbitrary<byte[]> av1TemporalUnits() {
        Arbitrary<byte[]> obu = Combinators.combine(Arbitraries.of(1, 3, 4, 5, 6), Arbitraries.of(true, false),
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(3000))
                .as((type, ext, payload) -> {
                    java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
                    o.write(type << 3 | (ext ? 0x04 : 0) | 0x02);
                    if (ext) {
                        o.write(0x28);
                    }
                    Leb128.write(o, payload.length);
                    o.writeBytes(payload);
                    return o.toByteArray();
                });
        return obu.list().ofMinSize(1).ofMaxSize(6).map(list -> {
            java.io.ByteArrayOutputStream tu = new java.io.ByteArrayOutputStream();
            tu.write(0x12);
            tu.write(0);
            list.forEach(tu::writeBytes);
            return tu.toByteArray();
        });
    }

    @Property(tries = 300)
    void av1RoundTrip(@ForAll("av1TemporalUnits") byte[] tu, @ForAll @IntRange(min = 3, max = 1500) int mtu)
            throws RtpException {
        List<byte[]> payloads = new Av1Packetizer().packetize(tu, mtu);
        assertThat(payloads).allSatisfy(p -> assertThat(p.length).isLessThanOrEqualTo(mtu));
        assertThat(new Av1Depacketizer().depacketize(payloads)).isEqualTo(tu);
    }

    @Property(tries = 200)
    void vp9RoundTrip(@ForAll @Size(min = 1, max = 20_000) byte[] frame, @ForAll @IntRange(min = 5, max = 1500) int mtu)
            throws RtpException {
        List<byte[]> payloads = new Vp9Packetizer(0).packetize(frame, mtu);
        assertThat(payloads).allSatisfy(p -> assertThat(p.length).isLessThanOrEqualTo(mtu));
        assertThat(new Vp9Depacketizer().depacketize(payloads)).isEqualTo(frame);
        assertThat(new Vp9Depacketizer().isKeyframe(payloads.get(0)))
                .isEqualTo(Vp9Packetizer.isKeyFrame(frame, 0, frame.length));
    }

    @Provide
    Arbitrary<Integer> pictureIdBits() {
        return Arbitraries.of(0, 7, 15);
    }

    @Property(tries = 200)
    void audioRoundTrip(@ForAll @Size(min = 1, max = 5000) byte[] frame, @ForAll @IntRange(min = 1, max = 1500) int mtu)
            throws RtpException {
        assertThat(new G711Depacketizer().depacketize(new G711Packetizer().packetize(frame, mtu))).isEqualTo(frame);
        if (frame.length <= mtu) {
            assertThat(new OpusDepacketizer().depacketize(new OpusPacketizer().packetize(frame, mtu)))
                    .isEqualTo(frame);
        }
    }

    @net.jqwik.api.Example
    void av1ElementLengthAboveIntRange() {
        // once threw IllegalArgumentException: LEB128 length 0x8FFFFFFF cast to a negative int
        byte[] p = {0x00, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x08, 0x30};
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Av1Depacketizer().depacketize(List.of(p)))
                .isInstanceOf(RtpException.class);
    }

    @Provide
    Arbitrary<List<byte[]>> junkPayloads() {
        Arbitrary<byte[]> payload = Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofMaxSize(40),
                // bias the first byte towards STAP-A / FU-A / VP8 extension bits
                Combinators.combine(Arbitraries.of((byte) 0x18, (byte) 0x1C, (byte) 0x7C, (byte) 0x90, (byte) 0xFF, (byte) 0x30, (byte) 0x50, (byte) 0x60, (byte) 0x62, (byte) 0xFA, (byte) 0xDE,
                                (byte) 0x10), Arbitraries.bytes().array(byte[].class).ofMaxSize(12))
                        .as((h, rest) -> {
                            byte[] b = new byte[rest.length + 1];
                            b[0] = h;
                            System.arraycopy(rest, 0, b, 1, rest.length);
                            return b;
                        }));
        return payload.list().ofMaxSize(6);
    }

    @Property(tries = 2000)
    void junkIntoEveryDepacketizerGivesRtpExceptionOnly(@ForAll("junkPayloads") List<byte[]> payloads) {
        for (Depacketizer d : List.of(new H264Depacketizer(), new Vp8Depacketizer(), new OpusDepacketizer(),
                new G711Depacketizer(), new Av1Depacketizer(), new H265Depacketizer(),
                new Vp9Depacketizer())) {
            try {
                d.depacketize(payloads);
            } catch (RtpException expected) {
                // fine: malformed
            }
            for (byte[] p : payloads) {
                d.isKeyframe(p);
                d.isFrameStart(p);
                d.isKeyframe(p, p.length, 0);
            }
        }
    }
}
