package org.jwebrtc.peerconnection.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jwebrtc.rtp.RtpException;
import org.jwebrtc.rtp.codec.Depacketizer;

/**
 * Reassembles video frames from RTP payloads: a frame is the contiguous run of packets with one timestamp, ended
 * by the marker bit (RFC 3550 §5.1; RFC 6184 §5.1, RFC 7741 §4.1). Packets are held by extended sequence number
 * so reordering is absorbed; a hole is waited for (NACK may repair it) for {@code maxWaitNanos}, then the frames
 * behind it are dropped until the next key frame, so a decoder never sees a frame whose references are missing.
 * Audio uses it with {@code everyPacketIsFrame}. Not thread-safe: owned by the connection's loop.
 */
public final class FrameAssembler {
    /** A reassembled frame. */
    public record Frame(long rtpTimestamp, boolean keyframe, byte[] data) {}

    private record Packet(long ts, boolean marker, byte[] payload, long arrival) {}

    private static final int MAX_PENDING = 2048;
    private final Depacketizer depacketizer;
    private final boolean everyPacketIsFrame;
    private final long maxWaitNanos;
    private final TreeMap<Long, Packet> pending = new TreeMap<>();
    private final ArrayDeque<Frame> ready = new ArrayDeque<>();
    private long nextSeq = -1;
    private long holeSinceNanos = -1;
    private boolean waitingForKeyframe;
    private boolean keyframeNeeded;
    private long framesDropped;
    private long packetsDiscarded;

    public FrameAssembler(Depacketizer depacketizer, boolean everyPacketIsFrame, long maxWaitNanos) {
        this.depacketizer = depacketizer;
        this.everyPacketIsFrame = everyPacketIsFrame;
        this.maxWaitNanos = maxWaitNanos;
        this.waitingForKeyframe = !everyPacketIsFrame;   // a decoder starts at a key frame
    }

    public void insert(long nowNanos, long extSeq, long rtpTimestamp, boolean marker, byte[] payload) {
        if (nextSeq >= 0 && extSeq < nextSeq) {
            packetsDiscarded++;   // late or duplicate: its frame is already out (or given up)
            return;
        }
        if (pending.putIfAbsent(extSeq, new Packet(rtpTimestamp, marker, payload, nowNanos)) != null) {
            packetsDiscarded++;
            return;
        }
        assemble(nowNanos);
    }

    /** Gives up on holes older than the wait; call on a timer. */
    public void handleTimeout(long nowNanos) {
        assemble(nowNanos);
    }

    /** Earliest time a hole is given up, or Long.MAX_VALUE. */
    public long pollTimeout() {
        return holeSinceNanos < 0 ? Long.MAX_VALUE : holeSinceNanos + maxWaitNanos;
    }

    public Frame poll() {
        return ready.poll();
    }

    /** True once after frames were dropped or a non-key frame was refused at the start: send a PLI. */
    public boolean takeKeyframeNeeded() {
        boolean k = keyframeNeeded;
        keyframeNeeded = false;
        return k;
    }

    /** The extended sequence number the next frame starts at; -1 while joining (nothing before it is wanted). */
    public long nextSequence() {
        return nextSeq;
    }

    public long framesDropped() {
        return framesDropped;
    }

    public long packetsDiscarded() {
        return packetsDiscarded;
    }

    /**
     * Hands out what is complete. A stall (a missing first packet, or a hole inside the head frame) is given up
     * {@code maxWaitNanos} after the packet behind it arrived, not after the assembler reached it: holes that
     * came together expire together, so frames queued behind one given-up frame do not each wait again.
     */
    private void assemble(long now) {
        holeSinceNanos = -1;
        while (!pending.isEmpty()) {
            Map.Entry<Long, Packet> first = pending.firstEntry();
            long seq = first.getKey();
            Packet p = first.getValue();
            if (nextSeq < 0) {
                if (!everyPacketIsFrame && !depacketizer.isFrameStart(p.payload)) {
                    if (pending.size() > 1) {
                        pending.pollFirstEntry();   // the middle of a frame we joined late (O(1): no scan ahead)
                        packetsDiscarded++;
                        continue;
                    }
                    return;
                }
                nextSeq = seq;
            }
            if (seq != nextSeq) {
                if (now - p.arrival < maxWaitNanos && pending.size() < MAX_PENDING) {
                    holeSinceNanos = p.arrival;
                    return;   // wait for the retransmission
                }
                skipHole(seq);
                continue;
            }
            if (p.payload.length == 0) {
                // padding-only packet (RFC 3550 §5.1 P bit; bandwidth probes): takes a sequence number, no media
                pending.pollFirstEntry();
                nextSeq = seq + 1;
                continue;
            }
            if (everyPacketIsFrame) {
                pending.pollFirstEntry();
                nextSeq = seq + 1;
                emit(List.of(p.payload), p.ts);
                continue;
            }
            // contiguous from nextSeq: find the end of this frame
            long s = seq;
            boolean complete = false;
            long end = -1;
            while (true) {
                Packet q = pending.get(s);
                if (q == null) {
                    break;
                }
                if (q.ts != p.ts) {
                    end = s - 1;   // the marker packet was lost or never set: the timestamp closes the frame
                    complete = true;
                    break;
                }
                if (q.marker) {
                    end = s;
                    complete = true;
                    break;
                }
                s++;
            }
            if (!complete) {
                // a packet inside the head frame is missing (or still on its way): wait as for a hole
                if (now - p.arrival < maxWaitNanos && pending.size() < MAX_PENDING) {
                    holeSinceNanos = p.arrival;
                    return;
                }
                skipHole(seq + 1);
                continue;
            }
            List<byte[]> payloads = new ArrayList<>((int) (end - seq + 1));
            for (long i = seq; i <= end; i++) {
                payloads.add(pending.remove(i).payload);
            }
            nextSeq = end + 1;
            emit(payloads, p.ts);
        }
    }

    /** Drops the frame(s) spanning a hole: everything before the next frame start after it. */
    private void skipHole(long from) {
        holeSinceNanos = -1;
        framesDropped++;
        if (!everyPacketIsFrame) {
            waitingForKeyframe = true;
            keyframeNeeded = true;
        }
        while (!pending.isEmpty()) {
            Map.Entry<Long, Packet> e = pending.firstEntry();
            Packet q = e.getValue();
            if (e.getKey() >= from && (everyPacketIsFrame || depacketizer.isFrameStart(q.payload))) {
                nextSeq = e.getKey();
                return;
            }
            pending.pollFirstEntry();
            packetsDiscarded++;
        }
        nextSeq = -1;
    }

    private void emit(List<byte[]> payloads, long ts) {
        boolean key = everyPacketIsFrame;
        if (!key) {
            for (byte[] b : payloads) {
                if (depacketizer.isKeyframe(b)) {
                    key = true;
                    break;
                }
            }
        }
        if (waitingForKeyframe && !key) {
            framesDropped++;
            keyframeNeeded = true;
            return;
        }
        byte[] frame;
        try {
            frame = depacketizer.depacketize(payloads);
        } catch (RtpException e) {
            framesDropped++;
            packetsDiscarded += payloads.size();
            if (!everyPacketIsFrame) {
                waitingForKeyframe = true;
                keyframeNeeded = true;
            }
            return;
        }
        waitingForKeyframe = false;
        ready.add(new Frame(ts, key, frame));
    }
}
