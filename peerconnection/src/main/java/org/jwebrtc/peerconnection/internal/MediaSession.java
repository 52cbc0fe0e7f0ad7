package org.jwebrtc.peerconnection.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.jwebrtc.peerconnection.EncodedFrame;
import org.jwebrtc.peerconnection.RtcStats;
import org.jwebrtc.rtp.HeaderExtensions;
import org.jwebrtc.rtp.RtpException;
import org.jwebrtc.rtp.RtpExtension;
import org.jwebrtc.rtp.RtpHeader;
import org.jwebrtc.rtp.RtpView;
import org.jwebrtc.rtp.codec.Depacketizer;
import org.jwebrtc.rtp.codec.Packetizer;
import org.jwebrtc.rtp.rtcp.FirEntry;
import org.jwebrtc.rtp.rtcp.FullIntraRequest;
import org.jwebrtc.rtp.rtcp.GenericNack;
import org.jwebrtc.rtp.rtcp.PictureLossIndication;
import org.jwebrtc.rtp.rtcp.ReceiverReport;
import org.jwebrtc.rtp.rtcp.ReportBlock;
import org.jwebrtc.rtp.rtcp.RtcpCompound;
import org.jwebrtc.rtp.rtcp.RtcpPacket;
import org.jwebrtc.rtp.rtcp.SenderReport;
import org.jwebrtc.rtp.rtcp.SourceDescription;
import org.jwebrtc.rtp.rtcp.TransportWideFeedback;
import org.jwebrtc.rtp.rtx.RtxDecoder;
import org.jwebrtc.rtp.rtx.RtxEncoder;
import org.jwebrtc.sdp.jsep.Codec;
import org.jwebrtc.sdp.jsep.MediaKind;
import org.jwebrtc.srtp.DtlsSrtpContexts;
import org.jwebrtc.srtp.SrtpContext;
import org.jwebrtc.srtp.SrtpStats;

/**
 * The RTP side of one BUNDLEd peer connection, sans-IO: frames in, SRTP datagrams out; SRTP/SRTCP datagrams in,
 * frames and key-frame requests out. Packetizes with the negotiated payload format and header extensions (mid,
 * abs-send-time, transport-wide-cc), protects with the DTLS-SRTP contexts (RFC 5764), demultiplexes RTP from
 * RTCP by payload type (RFC 5761 §4), routes by SSRC, then mid, then payload type (RFC 8843 §9.2), reassembles
 * frames, sends SR/RR every second (RFC 3550 §6.2, §6.4) with SDES CNAME, Generic NACKs for lost packets (RFC 4585
 * §6.2.1; retried, rate-limited, given up with the frame) and PLI when a frame cannot be completed (§6.3.1,
 * throttled), transport-wide feedback every 100 ms, and answers the peer's NACK from a retransmission history (as
 * RTX packets when negotiated, RFC 4588, restored on receipt by the OSN) and its PLI/FIR with a key-frame request.
 * Unprotect failures and replays are counted by the SRTP context, never thrown. Not thread-safe: owned by the
 * connection's loop.
 */
public final class MediaSession {
    /** Where the session's output goes. */
    public interface Output {
        void transmit(long nowNanos, byte[] datagram);

        void frame(String mid, EncodedFrame frame);

        void keyframeRequest(String mid);
    }

    static final int MAX_PAYLOAD = 1100;   // 1200-byte datagrams minus RTP header, extensions and SRTP tag
    static final long RTCP_INTERVAL_NANOS = 1_000_000_000L;
    static final long TWCC_INTERVAL_NANOS = 100_000_000L;
    static final long PLI_MIN_GAP_NANOS = 300_000_000L;
    // how long a hole is waited for (NACK/RTX may fill it) before the frame is given up: long enough for several
    // retries on a loaded machine; libwebrtc's NACK module also gives up on packets about 1 s old
    static final long HOLE_WAIT_NANOS = 1_000_000_000L;
    static final long NACK_MIN_GAP_NANOS = 5_000_000L;      // at most one NACK packet per stream per 5 ms
    static final long RESEND_MIN_GAP_NANOS = 10_000_000L;   // a packet is resent at most once per 10 ms

    private final RandomGenerator random;
    private final NtpClock clock;
    private final String cname;
    private final Output out;
    private final long receiverSsrc;
    private final Map<String, MediaSection> sections = new LinkedHashMap<>();
    private final Map<String, OutboundRtpStream> outbound = new LinkedHashMap<>();
    private final Map<Long, OutboundRtpStream> outboundBySsrc = new HashMap<>();
    private final Map<Long, InboundRtpStream> inbound = new LinkedHashMap<>();
    private final RtpView view = new RtpView();
    private final RtpView sendView = new RtpView();
    private final Map<Long, InboundRtpStream> repairedBy = new HashMap<>();   // RTX SSRC → the stream it repairs
    private final byte[] rtxScratch = new byte[OutboundRtpStream.RTX_MAX_PACKET];
    private final List<Integer> nackScratch = new ArrayList<>();
    private final TreeMap<Long, Long> twccArrivals = new TreeMap<>();
    private SrtpContext local;
    private SrtpContext remote;
    private long nextRtcpNanos = Long.MAX_VALUE;
    private long nextTwccNanos = Long.MAX_VALUE;
    private int twccSequence;
    private long twccMaxExt = -1;
    private int twccFeedbackCount;
    private long twccMediaSsrc;
    // drop counters (everything not delivered is counted somewhere)
    private long rtpUnknownSsrc;
    private long rtpUnknownPayloadType;
    private long rtpMalformed;
    private long rtcpMalformed;
    private long framesNotSent;

    public MediaSession(RandomGenerator random, NtpClock clock, String cname, Output out) {
        this.random = random;
        this.clock = clock;
        this.cname = cname;
        this.out = out;
        this.receiverSsrc = random.nextLong() & 0xFFFF_FFFFL;
    }

    /** Applies (or re-applies) the negotiated state of one m-section. */
    public void configure(MediaSection s) {
        sections.put(s.mid(), s);
        OutboundRtpStream o = outbound.get(s.mid());
        if (s.send() && (o == null || o.ssrc != s.localSsrc())) {
            o = new OutboundRtpStream(s, random.nextInt(0x8000), random.nextLong() & 0xFFFF_FFFFL,
                    random.nextInt(0x8000));
            outbound.put(s.mid(), o);
            outboundBySsrc.put(o.ssrc, o);
        } else if (o != null) {
            OutboundRtpStream n = new OutboundRtpStream(s, o.sequence, o.timestampOffset,
                    o.rtx != null ? o.rtx.nextSequenceNumber() : random.nextInt(0x8000));
            copyCounters(o, n);
            outbound.put(s.mid(), n);
            outboundBySsrc.put(n.ssrc, n);
        }
    }

    private static void copyCounters(OutboundRtpStream from, OutboundRtpStream to) {
        to.packetsSent = from.packetsSent;
        to.bytesSent = from.bytesSent;
        to.headerBytesSent = from.headerBytesSent;
        to.framesSent = from.framesSent;
        to.lastRtpTimestamp = from.lastRtpTimestamp;
        to.lastSendNanos = from.lastSendNanos;
        to.sentAny = from.sentAny;
        to.nackCount = from.nackCount;
        to.pliCount = from.pliCount;
        to.firCount = from.firCount;
        to.retransmittedPacketsSent = from.retransmittedPacketsSent;
        to.retransmittedBytesSent = from.retransmittedBytesSent;
    }

    /** DTLS is up: SRTP keys are known (RFC 5764 §4.2). */
    public void start(long nowNanos, DtlsSrtpContexts contexts) {
        this.local = contexts.local();
        this.remote = contexts.remote();
        nextRtcpNanos = nowNanos + RTCP_INTERVAL_NANOS / 2;
    }

    public boolean started() {
        return local != null;
    }

    public Optional<MediaSection> section(String mid) {
        return Optional.ofNullable(sections.get(mid));
    }

    // ---------------------------------------------------------------- sending

    /**
     * Packetizes one frame with {@code codecName} (null = the first negotiated codec) and sends it. Returns false
     * (and counts) when the section cannot send: not negotiated to send, no such codec, or SRTP not up yet.
     */
    public boolean sendFrame(long nowNanos, String mid, String codecName, byte[] frame, long timestampMicros) {
        OutboundRtpStream o = outbound.get(mid);
        Codec codec = o == null ? null : pick(o.section, codecName);
        if (local == null || o == null || !o.section.send() || codec == null) {
            framesNotSent++;
            return false;
        }
        Packetizer p = o.packetizers.computeIfAbsent(codec.name(), n -> MediaCodecs.packetizer(codec).orElse(null));
        if (p == null) {
            framesNotSent++;
            return false;
        }
        List<byte[]> payloads = p.packetize(frame, 0, frame.length, MAX_PAYLOAD);
        long ts = (o.timestampOffset + timestampMicros * codec.clockRate() / 1_000_000L) & 0xFFFF_FFFFL;
        boolean g711 = codec.name().equalsIgnoreCase("PCMU") || codec.name().equalsIgnoreCase("PCMA");
        long packetTs = ts;
        for (int i = 0; i < payloads.size(); i++) {
            byte[] payload = payloads.get(i);
            boolean last = i == payloads.size() - 1;
            // RFC 6184 §5.1 / RFC 7741 §4.1: marker on the last packet of a video frame; for audio, RFC 3551 §4.1
            // sets it on the first packet of a talkspurt: the first packet we ever send
            boolean marker = MediaCodecs.isAudio(codec) ? !o.sentAny && i == 0 : last;
            sendPacket(nowNanos, o, codec.payloadType(), marker, packetTs, payload);
            if (g711) {
                packetTs = (packetTs + payload.length) & 0xFFFF_FFFFL;
            }
        }
        o.framesSent++;
        o.lastRtpTimestamp = ts;
        o.lastSendNanos = nowNanos;
        o.lastClockRate = codec.clockRate();
        o.sentAny = true;
        return true;
    }

    private static Codec pick(MediaSection s, String name) {
        for (Codec c : s.codecs()) {
            if (!c.isRtx() && (name == null || c.name().equalsIgnoreCase(name))) {
                return c;
            }
        }
        return null;
    }

    private void sendPacket(long now, OutboundRtpStream o, int pt, boolean marker, long ts, byte[] payload) {
        int seq = o.nextSequence();
        List<RtpExtension> ext = new ArrayList<>(3);
        int midId = MediaCodecs.extensionId(o.section.extensions(), HeaderExtensions.MID_URI);
        if (midId > 0) {
            ext.add(HeaderExtensions.sdesString(midId, o.section.mid()));   // RFC 8843 §15.1
        }
        int astId = MediaCodecs.extensionId(o.section.extensions(), HeaderExtensions.ABS_SEND_TIME_URI);
        if (astId > 0) {
            ext.add(HeaderExtensions.absSendTime(astId, HeaderExtensions.absSendTimeFromNanos(clock.ntpNanos(now))));
        }
        int twccId = MediaCodecs.extensionId(o.section.extensions(), HeaderExtensions.TRANSPORT_CC_URI);
        if (twccId > 0) {
            ext.add(HeaderExtensions.transportSequenceNumber(twccId, twccSequence));
            twccSequence = (twccSequence + 1) & 0xFFFF;
        }
        RtpHeader h = RtpHeader.of(pt, seq, ts, o.ssrc).withMarker(marker);
        if (!ext.isEmpty()) {
            h = h.withExtensions(ext);
        }
        int hl = h.encodedLength();
        byte[] buf = new byte[hl + payload.length + local.profile().rtpOverhead()];
        h.encode(buf, 0);
        System.arraycopy(payload, 0, buf, hl, payload.length);
        boolean kept = false;
        if (o.rtxHistory != null && hl + payload.length <= OutboundRtpStream.RTX_MAX_PACKET) {
            o.rtxHistory.store(now, buf, 0, hl + payload.length);   // plain RTP: RTX re-protects it
            kept = true;
        }
        int n = local.protectRtp(buf, 0, hl + payload.length);
        if (n < 0) {
            return;   // counted by the SRTP context
        }
        byte[] srtp = n == buf.length ? buf : Arrays.copyOf(buf, n);
        if (!kept) {
            o.remember(seq, srtp);
        }
        o.packetsSent++;
        o.bytesSent += payload.length;
        o.headerBytesSent += hl;
        out.transmit(now, srtp);
    }

    // ---------------------------------------------------------------- receiving

    /** One SRTP or SRTCP datagram (first byte 128-191, RFC 7983). */
    public void handleInput(long nowNanos, byte[] buf, int off, int len) {
        if (remote == null || len < 8) {
            rtpMalformed++;
            return;
        }
        if (RtcpCompound.isRtcp(buf, off, len)) {
            int n = remote.unprotectRtcp(buf, off, len);
            if (n < 0) {
                return;   // counted by the SRTP context (auth failure, replay, malformed)
            }
            try {
                onRtcp(nowNanos, RtcpCompound.parse(buf, off, n));
            } catch (RtpException e) {
                rtcpMalformed++;
            }
            return;
        }
        int n = remote.unprotectRtp(buf, off, len);
        if (n < 0) {
            return;
        }
        try {
            view.wrap(buf, off, n);
        } catch (RtpException e) {
            rtpMalformed++;
            return;
        }
        onRtp(nowNanos, buf, off, n);
    }

    private void onRtp(long now, byte[] buf, int off, int len) {
        long ssrc = view.ssrc();
        InboundRtpStream in = inbound.get(ssrc);
        if (in == null) {
            InboundRtpStream repaired = repairedBy.get(ssrc);
            if (repaired == null) {
                MediaSection s = route(ssrc);
                if (s == null || !s.receive()) {
                    rtpUnknownSsrc++;
                    return;
                }
                Codec c = s.codec(view.payloadType());
                if (s.remoteRtxSsrcs().containsKey(ssrc) || c != null && c.isRtx()) {
                    repaired = repairedStream(s, ssrc);
                    if (repaired == null) {
                        rtpUnknownSsrc++;   // RTX before any media of its stream: nothing to repair yet
                        return;
                    }
                    repairedBy.put(ssrc, repaired);
                } else {
                    in = new InboundRtpStream(s, ssrc, c == null ? 90_000 : c.clockRate());
                    inbound.put(ssrc, in);
                }
            }
            if (repaired != null) {
                onRtx(now, repaired, buf, off, len);
                return;
            }
        }
        onMedia(now, in, false);
    }

    /** The media stream an RTX SSRC repairs: by its FID group (RFC 5576 §4.2), else the section's only stream. */
    private InboundRtpStream repairedStream(MediaSection s, long rtxSsrc) {
        Long media = s.remoteRtxSsrcs().get(rtxSsrc);
        if (media != null) {
            return inbound.get(media);
        }
        InboundRtpStream only = null;
        for (InboundRtpStream in : inbound.values()) {
            if (in.section.mid().equals(s.mid())) {
                if (only != null) {
                    return null;   // several streams in one section (simulcast) need RRID, not supported
                }
                only = in;
            }
        }
        return only;
    }

    /** RFC 4588 §4: restores the original packet in place (OSN, media SSRC, apt) and hands it on. */
    private void onRtx(long now, InboundRtpStream in, byte[] buf, int off, int len) {
        if (in.rtx == null) {
            in.rtx = new RtxDecoder(in.ssrc, MediaCodecs.aptOf(in.section.codecs()));
        }
        int n;
        try {
            n = in.rtx.decapsulate(buf, off, len);
            if (n == RtxDecoder.PADDING_ONLY) {
                in.rtxPaddingReceived++;   // a bandwidth probe on the RTX stream: nothing to restore
                return;
            }
            if (n == RtxDecoder.UNKNOWN_PAYLOAD_TYPE) {
                rtpUnknownPayloadType++;
                return;
            }
            view.wrap(buf, off, n);
        } catch (RtpException e) {
            rtpMalformed++;
            return;
        }
        onMedia(now, in, true);
    }

    private void onMedia(long now, InboundRtpStream in, boolean retransmitted) {
        long ssrc = in.ssrc;
        Codec codec = in.section.codec(view.payloadType());
        if (codec == null || codec.isRtx()) {
            rtpUnknownPayloadType++;
            return;
        }
        int twccId = MediaCodecs.extensionId(in.section.extensions(), HeaderExtensions.TRANSPORT_CC_URI);
        if (twccId > 0) {
            int t = HeaderExtensions.transportSequenceNumber(view, twccId);
            if (t >= 0) {
                recordTwcc(now, t, ssrc);
            }
        }
        long before = in.reception.packetsReceived() == 0 ? -1 : in.reception.highestSequence() + 65_536L;
        long copyOf = retransmitted ? in.reception.extend(view.sequenceNumber()) : -1;
        if (retransmitted && !in.nack.isMissing(copyOf)) {
            // a redundant copy (Chromium probes with RTX "payload padding": recent packets again); counting it
            // would make packetsLost negative. The assembler drops it as a duplicate (packetsDiscarded).
            if (in.assembler != null && in.assemblerCodec.payloadType() == codec.payloadType()) {
                in.assembler.insert(now, copyOf, view.timestamp(), view.marker(), view.payload());
                drainFrames(now, in);
            }
            return;
        }
        long ext = in.reception.update(now, view.sequenceNumber(), view.timestamp(), retransmitted);
        in.bytesReceived += view.payloadLength();
        in.headerBytesReceived += view.headerLength() + view.paddingLength();
        in.lastPacketNanos = now;
        if (retransmitted) {
            in.retransmittedPacketsReceived++;
            in.retransmittedBytesReceived += view.payloadLength();
        }
        boolean nack = codec.feedback().contains("nack");
        if (nack && before >= 0 && ext > before + 1) {
            if (!in.nack.addMissing(before + 1, ext - 1, now)) {
                pli(now, in, false);   // a burst beyond what NACK tracks: only a key frame repairs it
            }
        } else if (nack && before >= 0 && ext <= before) {
            in.nack.received(ext);   // reordered or repaired
        }
        if (in.assembler == null || !in.assemblerCodec.name().equalsIgnoreCase(codec.name())) {
            Depacketizer d = MediaCodecs.depacketizer(codec).orElse(null);
            if (d == null) {
                rtpUnknownPayloadType++;
                return;
            }
            in.assembler = new FrameAssembler(d, MediaCodecs.isAudio(codec), HOLE_WAIT_NANOS);
            in.assemblerCodec = codec;
        }
        in.assembler.insert(now, ext, view.timestamp(), view.marker(), view.payload());
        drainFrames(now, in);
        sendNacks(now, in);
    }

    private MediaSection route(long ssrc) {
        for (MediaSection s : sections.values()) {
            if (s.remoteSsrcs().contains(ssrc) || s.remoteRtxSsrcs().containsKey(ssrc)) {
                return s;
            }
        }
        for (MediaSection s : sections.values()) {
            int midId = MediaCodecs.extensionId(s.extensions(), HeaderExtensions.MID_URI);
            if (midId > 0) {
                int at = view.extensionOffset(midId);
                if (at >= 0) {
                    String mid = HeaderExtensions.sdesString(view.buffer(), at, view.extensionLength(midId));
                    return sections.get(mid);
                }
            }
        }
        MediaSection only = null;
        for (MediaSection s : sections.values()) {
            if (s.receive() && s.codec(view.payloadType()) != null) {
                if (only != null) {
                    return null;   // ambiguous payload type: RFC 8843 §9.2 gives up
                }
                only = s;
            }
        }
        return only;
    }

    private void drainFrames(long now, InboundRtpStream in) {
        for (FrameAssembler.Frame f; (f = in.assembler.poll()) != null; ) {
            in.framesReceived++;
            if (f.keyframe()) {
                in.keyFramesReceived++;
            }
            Codec c = in.assemblerCodec;
            out.frame(in.section.mid(), new EncodedFrame(in.section.mid(), c.name(), c.payloadType(), in.ssrc,
                    f.rtpTimestamp(), f.keyframe(), f.data()));
        }
        if (in.assembler.takeKeyframeNeeded()) {
            pli(now, in, false);
        }
    }

    /**
     * Sends one Generic NACK with the sequence numbers now due (RFC 4585 §6.2.1), at most one per stream every
     * {@link #NACK_MIN_GAP_NANOS}; packets the assembler has moved past are no longer asked for.
     */
    private void sendNacks(long now, InboundRtpStream in) {
        if (in.assembler != null && in.assembler.nextSequence() >= 0) {
            in.nack.removeBelow(in.assembler.nextSequence());
        }
        if (in.nack.size() == 0 || in.nackSent && now - in.lastNackNanos < NACK_MIN_GAP_NANOS) {
            return;
        }
        roundTripTime().ifPresent(rtt -> in.nack.setRttNanos((long) (rtt * 1e9)));
        nackScratch.clear();
        in.nack.collectDue(now, nackScratch);
        if (nackScratch.isEmpty()) {
            return;
        }
        in.nackSent = true;
        in.lastNackNanos = now;
        in.nackCount++;
        sendRtcp(now, List.of(GenericNack.of(senderSsrc(), in.ssrc, nackScratch)));
    }

    /** When {@link #sendNacks} has something to do next, or Long.MAX_VALUE. */
    private static long nackTimeout(InboundRtpStream in) {
        long t = in.nack.nextDeadline();
        if (t != Long.MAX_VALUE && in.nackSent && t - (in.lastNackNanos + NACK_MIN_GAP_NANOS) < 0) {
            t = in.lastNackNanos + NACK_MIN_GAP_NANOS;
        }
        return t;
    }

    /** Asks the sender of {@code mid}'s streams for a key frame (RFC 4585 §6.3.1). */
    public void requestKeyframe(long nowNanos, String mid) {
        for (InboundRtpStream in : inbound.values()) {
            if (in.section.mid().equals(mid)) {
                pli(nowNanos, in, true);
            }
        }
    }

    private void pli(long now, InboundRtpStream in, boolean force) {
        if (!force && in.pliSent && now - in.lastPliNanos < PLI_MIN_GAP_NANOS) {
            return;
        }
        in.pliSent = true;
        in.lastPliNanos = now;
        in.pliCount++;
        sendRtcp(now, List.of(new PictureLossIndication(senderSsrc(), in.ssrc)));
    }

    private void recordTwcc(long now, int seq, long mediaSsrc) {
        long ext;
        if (twccMaxExt < 0) {
            ext = 65_536L + seq;
        } else {
            ext = twccMaxExt + (short) (seq - (int) (twccMaxExt & 0xFFFF));
        }
        if (ext > twccMaxExt) {
            twccMaxExt = ext;
        }
        twccArrivals.put(ext, now / 1000);
        twccMediaSsrc = mediaSsrc;
        if (nextTwccNanos == Long.MAX_VALUE) {
            nextTwccNanos = now + TWCC_INTERVAL_NANOS;
        }
    }

    private void sendTwcc(long now) {
        nextTwccNanos = Long.MAX_VALUE;
        if (twccArrivals.isEmpty()) {
            return;
        }
        long base = twccArrivals.firstKey();
        long last = twccArrivals.lastKey();
        if (last - base > 2000) {
            base = last - 2000;
        }
        long[] arrivals = new long[(int) (last - base + 1)];
        Arrays.fill(arrivals, -1);
        for (Map.Entry<Long, Long> e : twccArrivals.tailMap(base, true).entrySet()) {
            arrivals[(int) (e.getKey() - base)] = e.getValue();
        }
        twccArrivals.clear();
        try {
            TransportWideFeedback fb = TransportWideFeedback.fromArrivals(senderSsrc(), twccMediaSsrc,
                    (int) (base & 0xFFFF), twccFeedbackCount++ & 0xFF, arrivals);
            sendRtcp(now, List.of(fb));
        } catch (IllegalArgumentException e) {
            // a gap of more than 8 s between two arrivals does not fit; the next interval starts afresh
        }
    }

    private void onRtcp(long now, List<RtcpPacket> packets) {
        for (RtcpPacket p : packets) {
            if (p instanceof SenderReport sr) {
                InboundRtpStream in = inbound.get(sr.ssrc());
                if (in != null) {
                    in.reception.onSenderReport(now, sr.ntpTimestamp());
                }
                reportBlocks(now, sr.reports());
            } else if (p instanceof ReceiverReport rr) {
                reportBlocks(now, rr.reports());
            } else if (p instanceof PictureLossIndication pli) {
                OutboundRtpStream o = outboundBySsrc.get(pli.mediaSsrc());
                if (o != null) {
                    o.pliCount++;
                    out.keyframeRequest(o.section.mid());
                }
            } else if (p instanceof FullIntraRequest fir) {
                for (FirEntry e : fir.entries()) {
                    OutboundRtpStream o = outboundBySsrc.get(e.ssrc());
                    if (o != null) {
                        o.firCount++;
                        out.keyframeRequest(o.section.mid());
                    }
                }
            } else if (p instanceof GenericNack nack) {
                OutboundRtpStream o = outboundBySsrc.get(nack.mediaSsrc());
                if (o != null) {
                    o.nackCount++;
                    for (int seq : nack.lostSequenceNumbers()) {
                        retransmit(now, o, seq);
                    }
                }
            }
        }
    }

    /** Answers one NACKed sequence number: an RTX packet (RFC 4588 §4) or, without RTX, the same SRTP bytes. */
    private void retransmit(long now, OutboundRtpStream o, int seq) {
        if (o.rtx == null) {
            byte[] again = o.recall(seq);
            if (again != null) {
                o.retransmittedPacketsSent++;
                o.retransmittedBytesSent += again.length;
                out.transmit(now, again);
            }
            return;
        }
        int n = o.rtxHistory.getForResend(now, seq, RESEND_MIN_GAP_NANOS, rtxScratch, 0);
        if (n < 0 || local == null) {
            return;   // not kept any more, or resent a moment ago (the copy is still on its way)
        }
        byte[] buf = new byte[RtxEncoder.maxEncodedLength(n) + local.profile().rtpOverhead()];
        int m;
        try {
            m = o.rtx.encapsulate(rtxScratch, 0, n, buf, 0);
            sendView.wrap(buf, 0, m);
        } catch (RtpException e) {
            return;   // we wrote it: cannot happen
        }
        int twccId = MediaCodecs.extensionId(o.section.extensions(), HeaderExtensions.TRANSPORT_CC_URI);
        int at = twccId > 0 ? sendView.extensionOffset(twccId) : -1;
        if (at >= 0 && sendView.extensionLength(twccId) == 2) {
            buf[at] = (byte) (twccSequence >>> 8);   // the copy is another packet on the wire: its own number
            buf[at + 1] = (byte) twccSequence;
            twccSequence = (twccSequence + 1) & 0xFFFF;
        }
        int payload = sendView.payloadLength() - 2;
        int p = local.protectRtp(buf, 0, m);
        if (p < 0) {
            return;
        }
        o.retransmittedPacketsSent++;
        o.retransmittedBytesSent += payload;
        out.transmit(now, p == buf.length ? buf : Arrays.copyOf(buf, p));
    }

    private void reportBlocks(long now, List<ReportBlock> blocks) {
        for (ReportBlock b : blocks) {
            OutboundRtpStream o = outboundBySsrc.get(b.ssrc());
            if (o == null) {
                continue;
            }
            o.fractionLost = b.fractionLost();
            o.packetsLost = b.cumulativeLost();
            o.remoteJitter = b.jitter();
            double rtt = clock.roundTripSeconds(now, b.lastSr(), b.delaySinceLastSr());
            if (rtt >= 0) {
                o.roundTripTime = rtt;
                o.totalRoundTripTime += rtt;
                o.roundTripTimeMeasurements++;
            }
        }
    }

    // ---------------------------------------------------------------- timers and RTCP reports

    public void handleTimeout(long nowNanos) {
        if (local == null) {
            return;
        }
        for (InboundRtpStream in : inbound.values()) {
            if (in.assembler != null && in.assembler.pollTimeout() - nowNanos <= 0) {
                in.assembler.handleTimeout(nowNanos);
                drainFrames(nowNanos, in);
            }
            if (nackTimeout(in) - nowNanos <= 0) {
                sendNacks(nowNanos, in);
            }
        }
        if (nextTwccNanos - nowNanos <= 0) {
            sendTwcc(nowNanos);
        }
        if (nextRtcpNanos - nowNanos <= 0) {
            sendReports(nowNanos);
            // RFC 3550 §6.3.1: randomize the interval to 0.5-1.5 times the nominal one
            nextRtcpNanos = nowNanos + RTCP_INTERVAL_NANOS / 2 + random.nextLong(RTCP_INTERVAL_NANOS);
        }
    }

    public long pollTimeout() {
        if (local == null) {
            return Long.MAX_VALUE;
        }
        long t = earliest(nextRtcpNanos, nextTwccNanos);
        for (InboundRtpStream in : inbound.values()) {
            if (in.assembler != null) {
                t = earliest(t, in.assembler.pollTimeout());
            }
            t = earliest(t, nackTimeout(in));
        }
        return t;
    }

    private static long earliest(long a, long b) {
        if (a == Long.MAX_VALUE) {
            return b;
        }
        if (b == Long.MAX_VALUE) {
            return a;
        }
        return a - b <= 0 ? a : b;
    }

    private long senderSsrc() {
        for (OutboundRtpStream o : outbound.values()) {
            return o.ssrc;
        }
        return receiverSsrc;
    }

    /** RFC 3550 §6.4: an SR per sending SSRC (report blocks in the first), else one RR; then SDES CNAME. */
    private void sendReports(long now) {
        List<ReportBlock> blocks = new ArrayList<>();
        for (InboundRtpStream in : inbound.values()) {
            if (blocks.size() < 31) {
                blocks.add(in.reception.reportBlock(now));
            }
        }
        List<RtcpPacket> packets = new ArrayList<>();
        long ntp = clock.ntp(now);
        for (OutboundRtpStream o : outbound.values()) {
            if (!o.section.send()) {
                continue;
            }
            packets.add(new SenderReport(o.ssrc, ntp, o.rtpTimestampAt(now), o.packetsSent & 0xFFFF_FFFFL,
                    o.bytesSent & 0xFFFF_FFFFL, packets.isEmpty() ? blocks : List.of()));
        }
        if (packets.isEmpty()) {
            if (blocks.isEmpty()) {
                return;
            }
            packets.add(new ReceiverReport(receiverSsrc, blocks));
        }
        packets.add(SourceDescription.cname(senderSsrc(), cname));
        sendRtcp(now, packets);
    }

    private void sendRtcp(long now, List<? extends RtcpPacket> packets) {
        if (local == null) {
            return;
        }
        int len = RtcpCompound.encodedLength(packets);
        byte[] buf = new byte[len + local.profile().rtcpOverhead()];
        RtcpCompound.encode(packets, buf, 0);
        int n = local.protectRtcp(buf, 0, len);
        if (n < 0) {
            return;
        }
        out.transmit(now, n == buf.length ? buf : Arrays.copyOf(buf, n));
    }

    // ---------------------------------------------------------------- stats

    public List<RtcStats> stats(double timestampMillis, String transportId) {
        List<RtcStats> out = new ArrayList<>();
        for (InboundRtpStream in : inbound.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ssrc", in.ssrc);
            m.put("kind", in.section.kind().token());
            m.put("mid", in.section.mid());
            m.put("transportId", transportId);
            if (in.assemblerCodec != null) {
                m.put("codec", in.assemblerCodec.name());
            }
            m.put("packetsReceived", in.reception.packetsReceived());
            m.put("bytesReceived", in.bytesReceived);
            m.put("headerBytesReceived", in.headerBytesReceived);
            m.put("packetsLost", in.reception.cumulativeLost());
            m.put("jitter", in.reception.jitterSeconds());
            m.put("framesReceived", in.framesReceived);
            m.put("keyFramesReceived", in.keyFramesReceived);
            m.put("framesDropped", in.assembler == null ? 0L : in.assembler.framesDropped());
            m.put("packetsDiscarded", in.assembler == null ? 0L : in.assembler.packetsDiscarded());
            m.put("nackCount", in.nackCount);
            m.put("pliCount", in.pliCount);
            m.put("retransmittedPacketsReceived", in.retransmittedPacketsReceived);
            m.put("retransmittedBytesReceived", in.retransmittedBytesReceived);
            out.add(new RtcStats("IT-" + in.ssrc, "inbound-rtp", timestampMillis, m));
        }
        for (OutboundRtpStream o : outbound.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ssrc", o.ssrc);
            m.put("kind", o.section.kind().token());
            m.put("mid", o.section.mid());
            m.put("transportId", transportId);
            m.put("packetsSent", o.packetsSent);
            m.put("bytesSent", o.bytesSent);
            m.put("headerBytesSent", o.headerBytesSent);
            m.put("framesSent", o.framesSent);
            m.put("nackCount", o.nackCount);
            m.put("pliCount", o.pliCount);
            m.put("firCount", o.firCount);
            m.put("retransmittedPacketsSent", o.retransmittedPacketsSent);
            m.put("retransmittedBytesSent", o.retransmittedBytesSent);
            if (o.rtx != null) {
                m.put("rtxSsrc", o.section.localRtxSsrc());
            }
            out.add(new RtcStats("OT-" + o.ssrc, "outbound-rtp", timestampMillis, m));
            if (o.roundTripTimeMeasurements > 0 || o.packetsLost != 0) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("ssrc", o.ssrc);
                r.put("kind", o.section.kind().token());
                r.put("localId", "OT-" + o.ssrc);
                r.put("packetsLost", o.packetsLost);
                r.put("fractionLost", o.fractionLost / 256.0);
                r.put("jitter", o.remoteJitter / (double) o.lastClockRate);
                if (o.roundTripTimeMeasurements > 0) {
                    r.put("roundTripTime", o.roundTripTime);
                    r.put("totalRoundTripTime", o.totalRoundTripTime);
                    r.put("roundTripTimeMeasurements", o.roundTripTimeMeasurements);
                }
                out.add(new RtcStats("RI-" + o.ssrc, "remote-inbound-rtp", timestampMillis, r));
            }
        }
        return out;
    }

    /** The latest RTCP round-trip time over all sending streams, seconds; empty before the first report. */
    public Optional<Double> roundTripTime() {
        for (OutboundRtpStream o : outbound.values()) {
            if (o.roundTripTimeMeasurements > 0) {
                return Optional.of(o.roundTripTime);
            }
        }
        return Optional.empty();
    }

    /** Drops: [rtp unknown ssrc, unknown payload type, malformed rtp, malformed rtcp, frames not sent]. */
    public long[] dropCounters() {
        return new long[] {rtpUnknownSsrc, rtpUnknownPayloadType, rtpMalformed, rtcpMalformed, framesNotSent};
    }

    public Optional<SrtpStats> srtpStats() {
        return remote == null ? Optional.empty() : Optional.of(remote.stats());
    }

    public Optional<SrtpStats> srtpSendStats() {
        return local == null ? Optional.empty() : Optional.of(local.stats());
    }

    public boolean isVideo(String mid) {
        MediaSection s = sections.get(mid);
        return s != null && s.kind() == MediaKind.VIDEO;
    }
}
