package org.jwebrtc.sctp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * Send side of an association: fragmentation, TSN assignment, retransmission (T3-rtx §6.3, fast retransmit
 * §7.2.4), congestion control (§7.2), peer receive window (§6.1) and partial reliability (RFC 3758 §3.5).
 * Not thread-safe.
 */
final class SendBuffer {
    static final int MAX_BURST = 4;   // RFC 9260 §16 Max.Burst
    private final int mtu;
    private final int maxPayload;
    private final long capacity;
    private final Queue<SctpEvent> events;
    final RtoEstimator rto;

    private final Map<Integer, OutStream> streams = new HashMap<>();
    private final ArrayDeque<OutChunk> pending = new ArrayDeque<>();
    /** Chunks with a TSN above the cumulative ack, in TSN order (index i holds TSN cumAck + 1 + i). */
    private final ArrayList<OutChunk> outstanding = new ArrayList<>();
    private long totalBuffered;

    long nextTsn;
    long cumAck;
    long advancedPeerAckPoint;
    long flightSize;
    long cwnd;
    long ssthresh;
    long partialBytesAcked;
    long peerRwnd;
    boolean inFastRecovery;
    long fastRecoveryExit;
    boolean fastRetransmitNow;
    boolean forwardTsnNeeded;
    boolean partialReliability;  // peer supports FORWARD-TSN
    long t3Deadline = Long.MAX_VALUE;
    int retransmitMarked;
    private int timedOutstanding;   // outstanding chunks whose message has a lifetime
    private int burstPackets;       // new-data packets since the last SACK / T3 expiry / idle (Max.Burst)
    private long lastNewDataAt = Long.MIN_VALUE;

    long dataChunksSent, retransmissions, fastRetransmits, t3Expiries, abandonedMessages, burstLimited;

    SendBuffer(SctpConfig config, Queue<SctpEvent> events) {
        this.mtu = config.mtu();
        this.maxPayload = (config.mtu() - SctpPacket.HEADER_LENGTH - DataChunk.HEADER_LENGTH) & ~3;
        this.capacity = config.sendBufferSize();
        this.events = events;
        this.rto = new RtoEstimator(config.rtoInitialNanos(), config.rtoMinNanos(), config.rtoMaxNanos());
        this.cwnd = Math.min(4L * mtu, Math.max(2L * mtu, 4404));  // RFC 9260 §7.2.1 (RFC 4960 had 4380)
    }

    /** Called once the handshake fixed our initial TSN and the peer's a_rwnd. */
    void start(int initialTsn, long peerArwnd, boolean forwardTsn) {
        nextTsn = initialTsn & 0xffffffffL;
        cumAck = nextTsn - 1;
        advancedPeerAckPoint = cumAck;
        peerRwnd = peerArwnd;
        ssthresh = peerArwnd;  // §7.2.1: MAY be arbitrarily high
        partialReliability = forwardTsn;
    }

    OutStream stream(int id) {
        return streams.computeIfAbsent(id, OutStream::new);
    }

    long bufferedAmount(int streamId) {
        OutStream s = streams.get(streamId);
        return s == null ? 0 : s.buffered;
    }

    long totalBuffered() {
        return totalBuffered;
    }

    /** Copies and fragments the message; false when the send buffer cannot hold it. */
    boolean enqueue(int streamId, int ppid, byte[] data, int off, int len, SendOptions opts, long now) {
        if (totalBuffered + len > capacity) {
            return false;
        }
        OutStream s = stream(streamId);
        byte[] copy = java.util.Arrays.copyOfRange(data, off, off + len);
        int n = (len + maxPayload - 1) / maxPayload;
        long expires = opts.maxLifetimeNanos() < 0 ? Long.MAX_VALUE : now + opts.maxLifetimeNanos();
        OutMessage m = new OutMessage(s, ppid, opts.ordered(), opts.maxRetransmits(), expires, n);
        for (int i = 0; i < n; i++) {
            int o = i * maxPayload;
            int l = Math.min(maxPayload, len - o);
            int flags = (opts.ordered() ? 0 : DataChunk.FLAG_U) | (i == 0 ? DataChunk.FLAG_B : 0)
                    | (i == n - 1 ? DataChunk.FLAG_E : 0);
            OutChunk c = new OutChunk(m, copy, o, l, flags);
            m.chunks[i] = c;
            pending.add(c);
        }
        s.pendingChunks += n;
        s.buffered += len;
        totalBuffered += len;
        return true;
    }

    boolean hasOutstanding() {
        return !outstanding.isEmpty();
    }

    boolean idle() {
        return outstanding.isEmpty() && pending.isEmpty();
    }

    /** Writes retransmissions, then new DATA, as congestion and receive windows allow; returns the new position. */
    int writeData(byte[] buf, int pos, int limit, long now) {
        boolean wrote = false;
        if (retransmitMarked > 0) {
            boolean fast = fastRetransmitNow;
            fastRetransmitNow = false;
            for (int i = 0; i < outstanding.size() && retransmitMarked > 0; i++) {
                OutChunk c = outstanding.get(i);
                if (!c.retransmit) {
                    continue;
                }
                if (!fast && flightSize >= cwnd) {
                    return pos;
                }
                int need = DataChunkView.encodedLength(c.len);
                if (pos + need > limit) {
                    return pos;
                }
                pos += encode(c, buf, pos);
                c.retransmit = false;
                retransmitMarked--;
                c.sends++;
                c.sentAt = now;
                addFlight(c);
                retransmissions++;
                wrote = true;
            }
            if (retransmitMarked > 0) {
                return pos;  // retransmissions go before new data (§6.1 rule C? / §7.2.4)
            }
        }
        // §6.1 D Max.Burst, applied without touching cwnd: at most 4 packets of new data per SACK (or per T3
        // expiry, or from idle); the rest is ack-clocked instead of leaving as one line-rate burst
        if (flightSize == 0) {
            burstPackets = 0;
            long idle = now - lastNewDataAt;
            if (lastNewDataAt != Long.MIN_VALUE && idle > rto.rto()) {
                // §7.2.1: an idle sender halves cwnd (down to 4 MTU) per RTO of silence
                for (long n = Math.min(idle / rto.rto(), 8); n > 0; n--) {
                    cwnd = Math.max(cwnd / 2, 4L * mtu);
                }
                lastNewDataAt = now;
            }
        }
        boolean newData = false;
        while (!pending.isEmpty() && burstPackets < MAX_BURST) {
            OutChunk c = pending.peek();
            OutMessage m = c.msg;
            if (partialReliability && !m.reliable() && now - m.expiresAt >= 0) {
                abandon(m);   // expired before (all of it was) sent
                continue;
            }
            if (flightSize >= cwnd || (c.len > peerRwnd && flightSize > 0)) {
                break;
            }
            int need = DataChunkView.encodedLength(c.len);
            if (pos + need > limit) {
                break;
            }
            pending.poll();
            m.stream.pendingChunks--;
            if ((c.flags & DataChunk.FLAG_B) != 0 && m.ordered) {
                m.ssn = m.stream.nextSsn;                      // SSN taken at first transmission, so a message
                m.stream.nextSsn = (m.stream.nextSsn + 1) & 0xffff; // dropped unsent leaves no SSN hole
            }
            c.tsn = nextTsn++;
            outstanding.add(c);
            if (m.expiresAt != Long.MAX_VALUE) {
                timedOutstanding++;
            }
            pos += encode(c, buf, pos);
            c.sends = 1;
            c.sentAt = now;
            addFlight(c);
            peerRwnd = Math.max(0, peerRwnd - c.len);
            dataChunksSent++;
            wrote = true;
            newData = true;
        }
        if (burstPackets >= MAX_BURST && !pending.isEmpty() && flightSize < cwnd
                && pending.peek().len <= peerRwnd) {
            burstLimited++;   // only Max.Burst held new data back: cwnd and the peer's window had room
        }
        if (newData) {
            burstPackets++;
            lastNewDataAt = now;
        }
        if (wrote) {
            ensureT3(now);  // §6.3.2 R1
        }
        return pos;
    }

    private int encode(OutChunk c, byte[] buf, int pos) {
        return DataChunkView.encode(buf, pos, c.flags, (int) c.tsn, c.msg.stream.id, c.msg.ordered ? c.msg.ssn : 0,
                c.msg.ppid, c.data, c.off, c.len);
    }

    private void addFlight(OutChunk c) {
        if (!c.inFlight) {
            c.inFlight = true;
            flightSize += c.len;
        }
    }

    private void removeFlight(OutChunk c) {
        if (c.inFlight) {
            c.inFlight = false;
            flightSize -= c.len;
        }
    }

    private void release(OutChunk c) {
        if (c.released) {
            return;
        }
        c.released = true;
        OutStream s = c.msg.stream;
        long before = s.buffered;
        s.buffered -= c.len;
        totalBuffered -= c.len;
        if (before > s.lowThreshold && s.buffered <= s.lowThreshold) {
            events.add(new SctpEvent.BufferedAmountLow(s.id));
        }
    }

    /** RFC 3758 §3.5 A3: abandon every fragment of the message; unsent fragments are simply dropped. */
    private void abandon(OutMessage m) {
        if (m.abandoned) {
            return;
        }
        m.abandoned = true;
        abandonedMessages++;
        // A message cut off half sent already used its SSN and left fragments at the receiver: give the unsent
        // rest TSNs (never transmitted) so the FORWARD TSN covers the whole message and names its SSN. It sits at
        // the head of the pending queue, so those TSNs follow its sent fragments.
        boolean partlySent = m.chunks[0].tsn >= 0;
        for (OutChunk c : m.chunks) {
            if (c.tsn < 0) {
                if (pending.remove(c)) {
                    m.stream.pendingChunks--;
                }
                if (partlySent) {
                    c.tsn = nextTsn++;
                    c.abandoned = true;
                    outstanding.add(c);
                    if (m.expiresAt != Long.MAX_VALUE) {
                        timedOutstanding++;
                    }
                }
            } else if (!c.acked) {
                c.abandoned = true;
                removeFlight(c);
                if (c.retransmit) {
                    c.retransmit = false;
                    retransmitMarked--;
                }
            }
            release(c);
        }
    }

    private boolean shouldAbandon(OutChunk c, long now) {
        OutMessage m = c.msg;
        return partialReliability && !m.reliable()
                && ((m.maxRetransmits >= 0 && c.sends > m.maxRetransmits) || now - m.expiresAt >= 0);
    }

    private void markRetransmit(OutChunk c, long now) {
        if (c.acked || c.abandoned || c.retransmit) {
            return;
        }
        if (shouldAbandon(c, now)) {
            abandon(c.msg);
            return;
        }
        c.retransmit = true;
        retransmitMarked++;
        removeFlight(c);
    }

    /** SACK processing (§6.2.1 D, §7.2.1-7.2.4); returns true when the cumulative ack advanced. */
    boolean onSack(long now, int cumRaw, long aRwnd, List<GapAckBlock> gaps) {
        long cum = cumAck + (cumRaw - (int) cumAck);
        if (cum < cumAck || cum >= nextTsn) {
            return false;  // stale (reordered) SACK or acks a TSN never sent
        }
        boolean flightWasFull = flightSize >= cwnd;
        burstPackets = 0;
        long bytesAcked = 0;
        long rttSample = -1;
        long highestNewlyAcked = -1;
        int removed = 0;
        while (removed < outstanding.size() && outstanding.get(removed).tsn <= cum) {
            OutChunk c = outstanding.get(removed++);
            if (c.msg.expiresAt != Long.MAX_VALUE) {
                timedOutstanding--;
            }
            if (!c.acked && !c.abandoned) {
                bytesAcked += c.len;
                highestNewlyAcked = c.tsn;
                if (c.sends == 1) {
                    rttSample = now - c.sentAt;  // Karn: only never-retransmitted chunks
                }
            }
            if (c.retransmit) {
                c.retransmit = false;
                retransmitMarked--;
            }
            c.acked = true;
            removeFlight(c);
            release(c);
        }
        outstanding.subList(0, removed).clear();
        boolean advanced = cum > cumAck;
        cumAck = cum;
        if (advancedPeerAckPoint < cumAck) {
            advancedPeerAckPoint = cumAck;
        }
        for (GapAckBlock g : gaps) {
            if (g.start() > g.end() || g.start() == 0) {
                continue;
            }
            for (int off = g.start(); off <= g.end(); off++) {
                int idx = off - 1;
                if (idx >= outstanding.size()) {
                    break;
                }
                OutChunk c = outstanding.get(idx);
                if (c.acked) {
                    continue;
                }
                if (!c.abandoned) {
                    bytesAcked += c.len;
                    if (c.sends == 1) {
                        rttSample = now - c.sentAt;
                    }
                }
                highestNewlyAcked = Math.max(highestNewlyAcked, c.tsn);
                if (c.retransmit) {
                    c.retransmit = false;
                    retransmitMarked--;
                }
                c.acked = true;
                removeFlight(c);
                release(c);
            }
        }
        if (rttSample >= 0) {
            rto.measure(rttSample);
        }
        if (inFastRecovery && cumAck >= fastRecoveryExit) {
            inFastRecovery = false;  // §7.2.4: exit when the exit point is acked
        }
        // §7.2.4 HTNA: a miss indication for every unacked TSN below the highest newly acked one
        if (!gaps.isEmpty() && highestNewlyAcked >= 0) {
            boolean enteredRecovery = false;
            for (int i = 0, n = outstanding.size(); i < n; i++) {   // abandon() may append
                OutChunk c = outstanding.get(i);
                if (c.tsn >= highestNewlyAcked) {
                    break;
                }
                if (c.acked || c.abandoned || c.retransmit) {
                    continue;
                }
                if (++c.missIndications == 3) {
                    if (!inFastRecovery) {
                        inFastRecovery = true;
                        enteredRecovery = true;
                        fastRecoveryExit = nextTsn - 1;
                        ssthresh = Math.max(cwnd / 2, 4L * mtu);
                        cwnd = ssthresh;
                        partialBytesAcked = 0;
                    }
                    markRetransmit(c, now);
                    if (c.retransmit) {
                        fastRetransmits++;
                    }
                }
            }
            if (enteredRecovery) {
                fastRetransmitNow = true;
                t3Deadline = now + rto.rto();
            }
        }
        // §7.2.1 slow start / §7.2.2 congestion avoidance: only on cumulative advance, not in fast recovery
        if (advanced && !inFastRecovery && bytesAcked > 0) {
            if (cwnd <= ssthresh) {
                if (flightWasFull) {
                    cwnd += Math.min(bytesAcked, mtu);
                }
            } else {
                partialBytesAcked += bytesAcked;
                if (partialBytesAcked >= cwnd && flightWasFull) {
                    partialBytesAcked -= cwnd;
                    cwnd += mtu;
                }
            }
        }
        peerRwnd = Math.max(0, aRwnd - flightSize);
        if (outstanding.isEmpty()) {
            t3Deadline = Long.MAX_VALUE;   // §6.3.2 R2
            partialBytesAcked = 0;
        } else if (advanced) {
            t3Deadline = now + rto.rto();  // §6.3.2 R3
        }
        updateAdvancedPeerAckPoint();
        ensureT3(now);
        return advanced;
    }

    /** §6.3.3: T3-rtx expired. Returns true if it was due. */
    boolean onTimeout(long now) {
        if (now - t3Deadline < 0) {
            return false;
        }
        t3Expiries++;
        burstPackets = 0;
        rto.backoff();                                  // E2
        ssthresh = Math.max(cwnd / 2, 4L * mtu);        // §7.2.3
        cwnd = mtu;
        partialBytesAcked = 0;
        inFastRecovery = false;
        for (int i = 0, n = outstanding.size(); i < n; i++) {   // abandon() may append
            OutChunk c = outstanding.get(i);                // E3
            markRetransmit(c, now);
        }
        updateAdvancedPeerAckPoint();
        if (advancedPeerAckPoint > cumAck) {
            forwardTsnNeeded = true;
        }
        t3Deadline = outstanding.isEmpty() ? Long.MAX_VALUE : now + rto.rto();
        return true;
    }

    /** Checks lifetimes of outstanding messages that are still waiting for an ack (RFC 3758 §3.5 A3 option). */
    void expireLifetimes(long now) {
        if (!partialReliability || timedOutstanding == 0) {
            return;
        }
        boolean any = false;
        for (int i = 0, n = outstanding.size(); i < n; i++) {   // abandon() may append
            OutChunk c = outstanding.get(i);
            OutMessage m = c.msg;
            if (!c.acked && !c.abandoned && m.expiresAt != Long.MAX_VALUE && now - m.expiresAt >= 0) {
                abandon(m);
                any = true;
            }
        }
        if (any) {
            updateAdvancedPeerAckPoint();
            ensureT3(now);
        }
    }

    /** Keeps T3-rtx running while anything (including abandoned chunks awaiting FORWARD TSN) is outstanding. */
    void ensureT3(long now) {
        if (t3Deadline == Long.MAX_VALUE && !outstanding.isEmpty()) {
            t3Deadline = now + rto.rto();
        }
    }

    /** RFC 3758 §3.5 C1-C2. */
    private void updateAdvancedPeerAckPoint() {
        if (advancedPeerAckPoint < cumAck) {
            advancedPeerAckPoint = cumAck;
        }
        for (int i = (int) (advancedPeerAckPoint - cumAck); i < outstanding.size(); i++) {
            OutChunk c = outstanding.get(i);
            if (!c.abandoned) {
                break;
            }
            advancedPeerAckPoint = c.tsn;
        }
        if (advancedPeerAckPoint > cumAck) {
            forwardTsnNeeded = true;
        }
    }

    /** FORWARD TSN for the current advanced peer ack point, with the highest abandoned SSN per ordered stream. */
    ForwardTsn forwardTsn() {
        forwardTsnNeeded = false;
        Map<Integer, Integer> ssns = new HashMap<>();
        int n = (int) (advancedPeerAckPoint - cumAck);
        for (int i = 0; i < n && i < outstanding.size(); i++) {
            OutChunk c = outstanding.get(i);
            if (c.msg.ordered) {
                ssns.put(c.msg.stream.id, c.msg.ssn);
            }
        }
        List<StreamSequence> list = new ArrayList<>(ssns.size());
        ssns.forEach((sid, ssn) -> list.add(new StreamSequence(sid, ssn)));
        return new ForwardTsn(advancedPeerAckPoint & 0xffffffffL, list);
    }

    boolean hasPendingFor(int streamId) {
        OutStream s = streams.get(streamId);
        return s != null && s.pendingChunks > 0;
    }

    /** RFC 6525 §5.1.2: the request names the last TSN we assigned. */
    long lastAssignedTsn() {
        return nextTsn - 1;
    }

    int pendingCount() {
        return pending.size();
    }
}
