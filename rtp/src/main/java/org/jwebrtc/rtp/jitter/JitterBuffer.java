package org.jwebrtc.rtp.jitter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.jwebrtc.rtp.RtpException;
import org.jwebrtc.rtp.RtpView;
import org.jwebrtc.rtp.codec.Depacketizer;
import org.jwebrtc.rtp.internal.Unwrapper;

/**
 * Sans-IO receive buffer for one RTP stream (one SSRC): reorders packets by extended sequence number,
 * drops duplicates, requests lost packets (Generic NACK, RFC 4585 §6.2.1), assembles frames (marker bit
 * or timestamp change; every packet for audio), and releases only decodable frames: a keyframe, or a frame
 * that continues the packet sequence since the last keyframe without a gap (the reference chain). A frame
 * that cannot be completed by its playout time plus {@code maxFrameWait} is given up and a keyframe is
 * requested (PLI, RFC 4585 §6.3.1); so is one at stream start when the first complete frame is not a key.
 * Frames are released at {@code arrival offset + RTP time + target delay}, the delay adapting to the
 * RFC 3550 §A.8 interarrival jitter.
 *
 * <p>Run loop: {@code insert} each packet, {@code handleTimeout} at {@link #pollTimeout()}, and after either
 * drain {@link #pollFrame()} and {@link #pollEvent()} until null. Packets are copied into a fixed ring of
 * slots, so inserting allocates nothing after warm-up; released frames and feedback events allocate.
 *
 * <p>Not thread-safe; owned by one thread.
 */
public final class JitterBuffer {
    private static final byte EMPTY = 0;
    private static final byte HELD = 1;
    private static final byte DONE = 2;
    private static final long NONE = Long.MIN_VALUE;

    private final JitterBufferConfig config;
    private final Depacketizer depacketizer;
    private final RtpView view = new RtpView();
    private final int mask;
    // slot arrays, indexed by extended seq & mask
    private final byte[][] data;
    private final int[] length;
    private final long[] slotSeq;
    private final byte[] state;
    private final long[] slotTs;
    private final long[] arrival;
    private final boolean[] marker;
    private final boolean[] key;
    private final boolean[] start;
    private final boolean[] retransmitted;
    private final boolean[] padding;       // padding-only packet (probe): takes a sequence number, carries no media

    private final Unwrapper seqUnwrapper = new Unwrapper(16);
    private final Unwrapper tsUnwrapper = new Unwrapper(32);
    private final NackGenerator nack;
    private final ArrayDeque<Frame> frames = new ArrayDeque<>();
    private final ArrayDeque<JitterEvent> events = new ArrayDeque<>();
    private final List<Integer> nackScratch = new ArrayList<>();

    private long ssrc = -1;
    private long firstSeq = NONE;
    private long highestSeq = NONE;
    private long nextSeq = NONE;          // where the next released frame must start
    private boolean needKeyframe;
    private long waitingSince = NONE;     // when needKeyframe became true
    private long lastKeyframeRequest = NONE;
    private long firstTs = NONE;
    private long minTransit = Long.MAX_VALUE; // arrival - RTP time (nanos): the fastest path seen
    private long prevTransit = NONE;
    private double jitterNanos;            // RFC 3550 §A.8 J, in nanoseconds, per packet (for RTCP RR)
    private long prevFrameTransit = NONE;
    private long lastFrameTs = NONE;
    private double frameJitterNanos;       // the same filter over the first packet of each frame
    private long targetDelay;
    private long timeout = Long.MAX_VALUE;
    private long lastScanEnd;              // result of frameEnd: keyframe seen in the frame
    private boolean lastScanKey;

    private static final int RESTART_AFTER = 8;
    private int farBehind;                 // consecutive packets far behind nextSeq

    private long received;
    private long duplicated;
    private long reordered;
    private long late;
    private long malformed;
    private long recovered;
    private long nacksSent;
    private long framesComplete;
    private long framesDropped;
    private long keyframeRequests;
    private long resets;

    public JitterBuffer(JitterBufferConfig config, Depacketizer depacketizer) {
        this.config = config;
        this.depacketizer = depacketizer;
        int n = config.capacity();
        mask = n - 1;
        data = new byte[n][];
        length = new int[n];
        slotSeq = new long[n];
        state = new byte[n];
        slotTs = new long[n];
        arrival = new long[n];
        marker = new boolean[n];
        key = new boolean[n];
        start = new boolean[n];
        retransmitted = new boolean[n];
        padding = new boolean[n];
        nack = new NackGenerator(config.nackMaxEntries(), config.nackReorderDelayNanos(),
                config.nackMinIntervalNanos(), config.nackMaxRetries(), config.nackMaxAgeNanos());
        needKeyframe = !config.onePacketPerFrame();
        targetDelay = config.minDelayNanos();
    }

    /** Round-trip time to the sender (e.g. from RTCP RR/DLRR), used to space NACK retries. */
    public void setRttNanos(long rttNanos) {
        nack.setRttNanos(rttNanos);
    }

    /** Parses and inserts one RTP packet (after SRTP). */
    public InsertResult insert(long nowNanos, byte[] buf, int off, int len) {
        try {
            view.wrap(buf, off, len);
        } catch (RtpException e) {
            malformed++;
            return InsertResult.MALFORMED;
        }
        return insert(nowNanos, view);
    }

    /** Inserts a packet already wrapped by the caller; its bytes are copied, the view may be reused after. */
    public InsertResult insert(long nowNanos, RtpView packet) {
        if (ssrc < 0) {
            ssrc = packet.ssrc();
        } else if (packet.ssrc() != ssrc) {
            malformed++;
            return InsertResult.MALFORMED;
        }
        int plen = packet.payloadLength();
        if (plen > config.maxPacketSize()) {
            malformed++;
            return InsertResult.MALFORMED;
        }
        long ext = seqUnwrapper.unwrap(packet.sequenceNumber());
        if (nextSeq == NONE) {
            firstSeq = ext;
            highestSeq = ext - 1;
            nextSeq = ext;
            waitingSince = nowNanos;
        }
        int i = (int) (ext & mask);
        if (slotSeq[i] == ext && state[i] != EMPTY) {
            duplicated++;
            return InsertResult.DUPLICATE;
        }
        if (ext < nextSeq && needKeyframe && highestSeq - ext <= mask) {
            nextSeq = ext; // still hunting for a keyframe: an earlier packet may start it
            firstSeq = Math.min(firstSeq, ext);
        }
        if (ext < nextSeq && nextSeq - ext > 2L * (mask + 1) && ++farBehind >= RESTART_AFTER) {
            restart(nowNanos, ext); // the sender's sequence jumped back (restart without a new SSRC)
        }
        if (ext < nextSeq) {
            late++;
            nack.received(ext);
            return InsertResult.LATE;
        }
        farBehind = 0;
        if (ext - nextSeq >= mask + 1) { // too far ahead to hold: start over from this packet
            reset(nowNanos, ext);
        }
        boolean wasRequested = false;
        if (ext > highestSeq) {
            if (config.nackEnabled() && ext > highestSeq + 1
                    && !nack.addMissing(highestSeq + 1, ext - 1, nowNanos)) {
                requestKeyframe(nowNanos); // a burst beyond what NACK can repair
            }
            highestSeq = ext;
        } else {
            reordered++;
            wasRequested = nack.received(ext);
            if (wasRequested) {
                recovered++;
            }
        }
        long ts = tsUnwrapper.unwrap(packet.timestamp());
        if (firstTs == NONE) {
            firstTs = ts;
        }
        byte[] d = data[i];
        if (d == null) {
            d = data[i] = new byte[config.maxPacketSize()];
        }
        byte[] src = packet.buffer();
        int poff = packet.payloadOffset();
        System.arraycopy(src, poff, d, 0, plen);
        length[i] = plen;
        slotSeq[i] = ext;
        state[i] = HELD;
        slotTs[i] = ts;
        arrival[i] = nowNanos;
        marker[i] = packet.marker();
        padding[i] = plen == 0;
        key[i] = plen > 0 && (config.onePacketPerFrame() || depacketizer.isKeyframe(src, poff, plen));
        start[i] = plen > 0 && (config.onePacketPerFrame() || depacketizer.isFrameStart(src, poff, plen));
        retransmitted[i] = wasRequested;
        received++;
        if (!wasRequested) {
            updateJitter(nowNanos, ts);
        }
        advance(nowNanos);
        return InsertResult.INSERTED;
    }

    /** RFC 3550 §A.8: J += (|D| - J) / 16 over transit-time differences; drives the playout delay. */
    private void updateJitter(long now, long ts) {
        long transit = now - rtpNanos(ts);
        if (transit < minTransit) {
            minTransit = transit;
        }
        if (prevTransit != NONE) {
            long dTransit = Math.abs(transit - prevTransit);
            jitterNanos += (dTransit - jitterNanos) / 16.0;
        }
        prevTransit = transit;
        if (lastFrameTs != NONE && ts <= lastFrameTs) {
            return;
        }
        // the playout delay follows frame-level delay variation (packets of one frame share a timestamp,
        // so the per-packet J understates how late whole frames come)
        lastFrameTs = ts;
        if (prevFrameTransit != NONE) {
            frameJitterNanos += (Math.abs(transit - prevFrameTransit) - frameJitterNanos) / 16.0;
        }
        prevFrameTransit = transit;
        // ~3 standard deviations: the mean deviation J is about 0.8 sigma for Gaussian jitter
        long want = (long) (4 * frameJitterNanos);
        targetDelay = Math.max(config.minDelayNanos(), Math.min(config.maxDelayNanos(), want));
    }

    private long rtpNanos(long extTs) {
        return (extTs - firstTs) * 1_000_000_000L / config.clockRate();
    }

    private long playoutTime(long extTs) {
        return minTransit + rtpNanos(extTs) + targetDelay;
    }

    public void handleTimeout(long nowNanos) {
        advance(nowNanos);
    }

    /** Next deadline (absolute nanos) for {@link #handleTimeout}; {@code Long.MAX_VALUE} when idle. */
    public long pollTimeout() {
        return timeout;
    }

    /** The next decodable frame, or null. */
    public Frame pollFrame() {
        return frames.poll();
    }

    /** The next feedback to send (NACK or keyframe request), or null. */
    public JitterEvent pollEvent() {
        return events.poll();
    }

    public long ssrc() {
        return ssrc;
    }

    public JitterBufferStats stats() {
        long expected = highestSeq == NONE ? 0 : highestSeq - firstSeq + 1;
        long lost = Math.max(0, expected - received);
        long jitterTs = (long) (jitterNanos * config.clockRate() / 1e9);
        return new JitterBufferStats(received, lost, duplicated, reordered, late, malformed, recovered, nacksSent,
                nack.requested(), nack.givenUp(), framesComplete, framesDropped, keyframeRequests, resets, jitterTs,
                targetDelay);
    }

    // --- core --------------------------------------------------------------------------------------

    private void advance(long now) {
        if (nextSeq == NONE) {
            return;
        }
        long giveUpAt = Long.MAX_VALUE;
        long releaseAt = Long.MAX_VALUE;
        while (true) {
            int h = slot(nextSeq);
            if (h >= 0 && padding[h]) { // a probe between frames: nothing to release, the sequence moves on
                state[h] = DONE;
                nextSeq++;
                continue;
            }
            if (needKeyframe && !seekKeyframe(now)) {
                break;
            }
            int i = slot(nextSeq);
            long end = i < 0 ? -1 : frameEnd(nextSeq);
            if (end < 0) { // head frame incomplete: wait for it (NACK) until its deadline
                long k = findKeyframe();
                if (k >= 0) { // a complete keyframe later on does not need the hole: skip to it when due
                    long kat = playoutTime(slotTs[slot(k)]);
                    if (now - kat >= 0) {
                        discard(nextSeq, k - 1);
                        nextSeq = k;
                        continue;
                    }
                    releaseAt = kat;
                }
                long headTs = headTimestamp();
                if (headTs == NONE) {
                    break;
                }
                giveUpAt = playoutTime(headTs) + config.maxFrameWaitNanos();
                if (now - giveUpAt < 0) {
                    break;
                }
                giveUpAt = Long.MAX_VALUE;
                releaseAt = Long.MAX_VALUE;
                giveUpHead(now);
                continue;
            }
            long at = playoutTime(slotTs[i]);
            if (now - at < 0) {
                releaseAt = at;
                break;
            }
            release(nextSeq, end, lastScanKey, at);
        }
        if (config.nackEnabled()) {
            nack.removeBelow(nextSeq);
            nackScratch.clear();
            nack.collectDue(now, nackScratch);
            if (!nackScratch.isEmpty()) {
                events.add(new JitterEvent.Nack(ssrc, nackScratch));
                nacksSent++;
            }
        }
        long kfAt = Long.MAX_VALUE;
        if (needKeyframe) {
            long since = lastKeyframeRequest == NONE ? waitingSince : lastKeyframeRequest;
            kfAt = since + config.keyframeRequestIntervalNanos();
            if (now - kfAt >= 0) {
                requestKeyframe(now);
                kfAt = now + config.keyframeRequestIntervalNanos();
            }
        }
        long t = Math.min(Math.min(giveUpAt, releaseAt), kfAt);
        if (config.nackEnabled()) {
            t = Math.min(t, nack.nextDeadline());
        }
        timeout = t;
    }

    /** Slot index holding extended seq {@code s}, or -1. */
    private int slot(long s) {
        int i = (int) (s & mask);
        return slotSeq[i] == s && state[i] == HELD ? i : -1;
    }

    /** Extended seq of the last packet of the frame starting at {@code s}, or -1 if incomplete. */
    private long frameEnd(long s) {
        int i = slot(s);
        if (i < 0) {
            return -1;
        }
        lastScanKey = key[i];
        if (config.onePacketPerFrame()) {
            return s;
        }
        long ts = slotTs[i];
        for (long e = s; e <= highestSeq && e - s <= mask; e++) {
            int j = slot(e);
            if (j < 0) {
                return -1;
            }
            if (slotTs[j] != ts) { // timestamp change ends the frame (marker-less senders)
                return e - 1;
            }
            if (padding[j]) { // a probe with the frame's timestamp after its marker-less last packet
                return e - 1;
            }
            lastScanKey |= key[j];
            if (marker[j]) {
                return e;
            }
        }
        return -1;
    }

    /** Timestamp of the earliest held packet from nextSeq on: the frame the buffer is waiting for. */
    private long headTimestamp() {
        for (long s = nextSeq; s <= highestSeq; s++) {
            int i = slot(s);
            if (i >= 0 && !padding[i]) {
                return slotTs[i];
            }
        }
        return NONE;
    }

    private boolean isFrameStart(long s) {
        int i = slot(s);
        if (i < 0 || padding[i]) {
            return false;
        }
        int p = slot(s - 1);
        if (p >= 0 && !padding[p]) { // the held predecessor decides: same timestamp without marker = same frame
            return marker[p] || slotTs[p] != slotTs[i];
        }
        return start[i]; // predecessor missing: trust the payload (e.g. H.264 AUD/SPS or first_mb_in_slice 0)
    }

    /** Moves nextSeq to the first complete keyframe, discarding what is before it. */
    private boolean seekKeyframe(long now) {
        long k = findKeyframe();
        if (k >= 0) {
            discard(nextSeq, k - 1);
            nextSeq = k;
            needKeyframe = false;
            waitingSince = NONE;
            return true;
        }
        if (sawDelta && lastKeyframeRequest == NONE) {
            requestKeyframe(now); // stream starts with a delta frame: ask at once
        }
        return false;
    }

    private boolean sawDelta;

    /** First complete keyframe at or after nextSeq (extended seq), or -1; notes whether a complete delta came first. */
    private long findKeyframe() {
        sawDelta = false;
        if (config.onePacketPerFrame()) {
            return -1;
        }
        for (long s = nextSeq; s <= highestSeq; s++) {
            if (!isFrameStart(s)) {
                continue;
            }
            long end = frameEnd(s);
            if (end < 0) {
                continue;
            }
            if (lastScanKey) {
                return s;
            }
            sawDelta = true;
            s = end;
        }
        return -1;
    }

    /** The head frame could not be completed in time. */
    private void giveUpHead(long now) {
        if (config.onePacketPerFrame()) { // audio: skip the hole, the decoder conceals it
            long s = nextSeq;
            while (s <= highestSeq && slot(s) < 0) {
                s++;
            }
            nextSeq = s;
            return;
        }
        needKeyframe = true;
        waitingSince = now;
        requestKeyframe(now);
        // drop the head frame's packets so the search starts after it
        long headTs = headTimestamp();
        long s = nextSeq;
        while (s <= highestSeq) {
            int i = slot(s);
            if (i >= 0 && slotTs[i] != headTs) {
                break;
            }
            s++;
        }
        discard(nextSeq, s - 1);
        nextSeq = s;
    }

    private void requestKeyframe(long now) {
        if (lastKeyframeRequest != NONE && now - lastKeyframeRequest < config.keyframeRequestIntervalNanos()) {
            return;
        }
        lastKeyframeRequest = now;
        keyframeRequests++;
        events.add(new JitterEvent.KeyframeRequest(ssrc));
    }

    /** Marks [from, to] done, counting the frames (distinct timestamps) thrown away. */
    private void discard(long from, long to) {
        long prevTs = NONE;
        for (long s = from; s <= to; s++) {
            int i = slot(s);
            if (i >= 0) {
                if (slotTs[i] != prevTs && !padding[i]) {
                    framesDropped++;
                    prevTs = slotTs[i];
                }
                state[i] = DONE;
            }
        }
    }

    private void release(long from, long to, boolean keyframe, long playout) {
        List<byte[]> payloads = new ArrayList<>((int) (to - from + 1));
        long firstArrival = Long.MAX_VALUE;
        long lastArrival = Long.MIN_VALUE;
        int first = (int) (from & mask);
        for (long s = from; s <= to; s++) {
            int i = (int) (s & mask);
            byte[] p = new byte[length[i]];
            System.arraycopy(data[i], 0, p, 0, length[i]);
            payloads.add(p);
            firstArrival = Math.min(firstArrival, arrival[i]);
            lastArrival = Math.max(lastArrival, arrival[i]);
            state[i] = DONE;
        }
        nextSeq = to + 1;
        byte[] frame;
        try {
            frame = depacketizer.depacketize(payloads);
        } catch (RtpException e) {
            framesDropped++; // undecodable payloads break the chain like a loss
            if (!config.onePacketPerFrame()) {
                needKeyframe = true;
                waitingSince = lastArrival;
            }
            return;
        }
        framesComplete++;
        frames.add(new Frame(ssrc, slotTs[first] & 0xFFFFFFFFL, (int) (from & 0xFFFF), (int) (to & 0xFFFF),
                (int) (to - from + 1), keyframe, frame, firstArrival, lastArrival, playout));
    }

    /** Starts over at {@code ext} as if it were a new stream (held packets dropped, keyframe requested). */
    private void restart(long now, long ext) {
        resets++;
        discard(nextSeq, highestSeq);
        for (int i = 0; i <= mask; i++) {
            state[i] = EMPTY;
        }
        nack.clear();
        nextSeq = ext;
        highestSeq = ext - 1;
        farBehind = 0;
        if (!config.onePacketPerFrame()) {
            needKeyframe = true;
            waitingSince = now;
            lastKeyframeRequest = NONE;
            requestKeyframe(now);
        }
    }

    /** Makes room for {@code ext}: keeps the newest {@code capacity} sequence numbers, drops the rest. */
    private void reset(long now, long ext) {
        resets++;
        long keepFrom = ext - mask;
        if (keepFrom > highestSeq) { // nothing held is worth keeping
            discard(nextSeq, highestSeq);
            for (int i = 0; i <= mask; i++) {
                state[i] = EMPTY;
            }
            nack.clear();
            nextSeq = ext;
            highestSeq = ext - 1;
        } else {
            discard(nextSeq, keepFrom - 1);
            nextSeq = keepFrom;
            nack.removeBelow(keepFrom);
        }
        if (!config.onePacketPerFrame()) {
            needKeyframe = true;
            waitingSince = now;
            requestKeyframe(now);
        }
    }
}
