package org.jwebrtc.benchmarks.rtp;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jwebrtc.rtp.AudioLevel;
import org.jwebrtc.rtp.HeaderExtensions;
import org.jwebrtc.rtp.RtpException;
import org.jwebrtc.rtp.RtpHeader;
import org.jwebrtc.rtp.RtpView;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * RTP header on a 1200-byte video packet with three RFC 8285 one-byte extensions (mid, abs-send-time,
 * transport-wide-cc): {@code wrap} = RtpView.wrap + field reads + a TWCC lookup (must be 0 B/op);
 * {@code encode} = RtpHeader.encode of a prepared record into a reused buffer; {@code rewrite} = the
 * in-place sequence/timestamp rewrite a forwarder does.
 *
 * <p>{@code forward} is the issue-7 "parse + write" target, the common SFU forwarding step: parse the
 * fixed header and locate the extension block ({@code RtpView.wrapHeader}: version, CSRCs, extension
 * length and padding checked; RFC 8285 elements not scanned), read seq, timestamp, SSRC, marker and
 * payload type, and write a new seq, timestamp and SSRC into the buffer. {@code forwardTwcc} adds the
 * transport-wide-cc lookup a forwarder needs when it also feeds congestion control.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RtpHeaderBenchmark {
    private final byte[] packet = new byte[1200];
    private final byte[] out = new byte[1500];
    private final RtpView view = new RtpView();
    private RtpHeader header;
    private int seq;

    @Setup
    public void setup() {
        header = RtpHeader.of(96, 1000, 90_000, 0x1234_5678L).withMarker(true).withExtensions(List.of(
                HeaderExtensions.sdesString(1, "0"),
                HeaderExtensions.absSendTime(2, 0x123456),
                HeaderExtensions.transportSequenceNumber(3, 4242),
                new AudioLevel(true, 40).toExtension(4)));
        header.encode(packet, 0);
    }

    @Benchmark
    public void wrap(Blackhole bh) throws RtpException {
        RtpView v = view.wrap(packet, 0, packet.length);
        bh.consume(v.sequenceNumber());
        bh.consume(v.timestamp());
        bh.consume(v.ssrc());
        bh.consume(v.payloadType());
        bh.consume(v.marker());
        bh.consume(v.payloadOffset());
        bh.consume(v.payloadLength());
        bh.consume(HeaderExtensions.transportSequenceNumber(v, 3));
    }

    @Benchmark
    public long forward() throws RtpException {
        RtpView v = view.wrapHeader(packet, 0, packet.length);
        int inSeq = v.sequenceNumber();
        long inTs = v.timestamp();
        long inSsrc = v.ssrc();
        int pt = v.payloadType();
        boolean m = v.marker();
        v.setSequenceNumber(seq = (seq + 1) & 0xFFFF);
        v.setTimestamp(inTs + 3000L);
        v.setSsrc(inSsrc ^ 0x5A5A_5A5AL);
        return inSeq + inTs + pt + (m ? 1 : 0) + v.payloadOffset();
    }

    @Benchmark
    public long forwardTwcc() throws RtpException {
        RtpView v = view.wrapHeader(packet, 0, packet.length);
        int inSeq = v.sequenceNumber();
        long inTs = v.timestamp();
        long inSsrc = v.ssrc();
        int pt = v.payloadType();
        boolean m = v.marker();
        int twcc = HeaderExtensions.transportSequenceNumber(v, 3);
        v.setSequenceNumber(seq = (seq + 1) & 0xFFFF);
        v.setTimestamp(inTs + 3000L);
        v.setSsrc(inSsrc ^ 0x5A5A_5A5AL);
        return inSeq + inTs + pt + (m ? 1 : 0) + v.payloadOffset() + twcc;
    }

    @Benchmark
    public int encode() {
        return header.encode(out, 0);
    }

    @Benchmark
    public int rewrite() throws RtpException {
        RtpView v = view.wrap(packet, 0, packet.length);
        v.setSequenceNumber(seq = (seq + 1) & 0xFFFF);
        v.setTimestamp(seq * 3000L);
        return v.sequenceNumber();
    }
}
