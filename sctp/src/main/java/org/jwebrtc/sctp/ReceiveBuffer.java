package org.jwebrtc.sctp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Receive side: TSN tracking for SACK (§6.2, gap blocks and duplicates), reassembly (§6.9), ordered delivery by
 * SSN and unordered delivery (§6.6), FORWARD TSN (RFC 3758 §3.6) and incoming stream reset (RFC 6525 §5.2.2).
 * TSNs are unwrapped to 64-bit relative to the cumulative TSN. Not thread-safe.
 */
final class ReceiveBuffer {
    /**
     * A fragment waiting for the rest of its message. {@code first} is the TSN of its message's B fragment once
     * every fragment from there up to this one is present (-1 until then), and {@code runLength} the bytes from
     * that B fragment up to and including this one: a message is complete when its E fragment learns its first.
     */
    private static final class Fragment {
        final long tsn;
        final int streamId;
        final int ssn;
        final int ppid;
        final int flags;
        final byte[] data;
        long first = -1;
        long runLength;

        Fragment(long tsn, int streamId, int ssn, int ppid, int flags, byte[] data) {
            this.tsn = tsn;
            this.streamId = streamId;
            this.ssn = ssn;
            this.ppid = ppid;
            this.flags = flags;
            this.data = data;
        }

        boolean begins() {
            return (flags & DataChunk.FLAG_B) != 0;
        }

        boolean ends() {
            return (flags & DataChunk.FLAG_E) != 0;
        }

        boolean ordered() {
            return (flags & DataChunk.FLAG_U) == 0;
        }
    }

    /** A complete ordered message waiting for its turn. */
    private record Message(int ppid, byte[] data) {}

    private static final class InStream {
        int nextSsn;
        final TreeMap<Integer, Message> waiting = new TreeMap<>();
    }

    static final int MAX_GAP_BLOCKS = 64;
    static final int MAX_DUPLICATES = 32;

    private final long capacity;
    private final int maxMessageSize;
    private final Queue<SctpEvent> events;
    private final TreeSet<Long> aboveCum = new TreeSet<>();
    private final HashMap<Long, Fragment> fragments = new HashMap<>();
    private final Map<Integer, InStream> streams = new HashMap<>();
    private final List<Long> duplicates = new ArrayList<>();
    private long held;

    long cumTsn;
    long messagesReceived;
    long duplicatesReceived;
    /** Set when a message exceeded our max-message-size: the association aborts (protocol violation). */
    boolean oversized;

    ReceiveBuffer(SctpConfig config, Queue<SctpEvent> events) {
        this.capacity = config.receiveWindow();
        this.maxMessageSize = config.maxReceiveMessageSize();
        this.events = events;
    }

    void start(int peerInitialTsn) {
        cumTsn = (peerInitialTsn & 0xffffffffL) - 1;
    }

    long unwrap(int raw) {
        return cumTsn + (raw - (int) cumTsn);
    }

    /** Our advertised receiver window (§6.2.1). */
    long arwnd() {
        return Math.max(0, capacity - held);
    }

    boolean hasGaps() {
        return !aboveCum.isEmpty();
    }

    /**
     * Accepts one DATA chunk. Returns false for a duplicate (which the next SACK reports) or a chunk dropped for
     * lack of buffer space.
     */
    boolean onData(DataChunkView d) {
        return onData(d, true);
    }

    /** {@code deliver} false: record the TSN (so it is acked) but discard the data (§6.5 invalid stream). */
    boolean onData(DataChunkView d, boolean deliver) {
        long tsn = unwrap(d.tsn());
        if (tsn <= cumTsn || aboveCum.contains(tsn)) {
            duplicatesReceived++;
            if (duplicates.size() < MAX_DUPLICATES) {
                duplicates.add(tsn & 0xffffffffL);
            }
            return false;
        }
        int len = d.payloadLength();
        // §6.2: with no room left, drop chunks that do not fill the next hole; the sender retransmits them
        if (held + len > capacity && tsn != cumTsn + 1) {
            return false;
        }
        if (tsn - cumTsn > 0xffff) {
            return false;  // beyond what a 16-bit gap ack offset can report (§3.3.4): the sender retransmits later
        }
        if (tsn == cumTsn + 1 && aboveCum.isEmpty()) {
            cumTsn = tsn;   // in-order fast path: no set insertion
        } else {
            aboveCum.add(tsn);
            advanceCum();
        }
        if (!deliver) {
            return true;
        }
        byte[] data = new byte[len];
        d.copyPayload(data, 0);
        int flags = d.flags();
        boolean b = (flags & DataChunk.FLAG_B) != 0;
        boolean e = (flags & DataChunk.FLAG_E) != 0;
        boolean unordered = (flags & DataChunk.FLAG_U) != 0;
        if (b && e) {
            deliver(d.streamId(), d.ssn(), d.ppid(), data, unordered);
        } else {
            Fragment f = new Fragment(tsn, d.streamId(), d.ssn(), d.ppid(), flags, data);
            fragments.put(tsn, f);
            held += len;
            onFragment(f);
        }
        return true;
    }

    private void advanceCum() {
        while (!aboveCum.isEmpty() && aboveCum.first() == cumTsn + 1) {
            cumTsn = aboveCum.pollFirst();
        }
    }

    /**
     * §6.9 reassembly in amortized O(1) per fragment: the fragments of one message carry consecutive TSNs, so a
     * fragment learns its message's first TSN from its predecessor, and passes it on to successors that arrived
     * earlier. Each fragment learns it once; the message is complete when its E fragment does.
     */
    private void onFragment(Fragment f) {
        if (f.begins()) {
            f.first = f.tsn;
            f.runLength = f.data.length;
        } else {
            Fragment prev = fragments.get(f.tsn - 1);
            if (prev == null || prev.first < 0 || prev.ends() || prev.streamId != f.streamId) {
                return;   // the predecessor will hand the first TSN on when it arrives
            }
            f.first = prev.first;
            f.runLength = prev.runLength + f.data.length;
        }
        Fragment cur = f;
        while (!cur.ends()) {
            if (!checkSize(cur.runLength)) {
                return;
            }
            Fragment next = fragments.get(cur.tsn + 1);
            if (next == null || next.begins() || next.first >= 0 || next.streamId != cur.streamId) {
                return;
            }
            next.first = cur.first;
            next.runLength = cur.runLength + next.data.length;
            cur = next;
        }
        if (checkSize(cur.runLength)) {
            assemble(cur.first, cur.tsn, cur.runLength);
        }
    }

    private void assemble(long first, long last, long size) {
        byte[] msg = new byte[(int) size];
        int p = 0;
        Fragment head = fragments.get(first);
        if (head == null) {
            throw new AssertionError("reassembly: B fragment " + first + " missing for a complete run");
        }
        for (long t = first; t <= last; t++) {
            Fragment x = fragments.remove(t);
            System.arraycopy(x.data, 0, msg, p, x.data.length);
            p += x.data.length;
        }
        held -= size;
        deliver(head.streamId, head.ssn, head.ppid, msg, !head.ordered());
    }

    private boolean checkSize(long size) {
        if (size > maxMessageSize) {
            oversized = true;
            return false;
        }
        return true;
    }

    private void deliver(int sid, int ssn, int ppid, byte[] data, boolean unordered) {
        if (data.length > maxMessageSize) {
            oversized = true;
            return;
        }
        if (unordered) {
            emit(sid, ppid, data, true);
            return;
        }
        InStream s = streams.computeIfAbsent(sid, k -> new InStream());
        int ahead = (short) (ssn - s.nextSsn);  // 16-bit serial arithmetic
        if (ahead == 0) {
            emit(sid, ppid, data, false);
            s.nextSsn = (s.nextSsn + 1) & 0xffff;
            drain(sid, s);
        } else if (ahead > 0) {
            s.waiting.put(ssn, new Message(ppid, data));
            held += data.length;
        }
        // ahead < 0: an SSN already passed (after FORWARD TSN); drop
    }

    private void drain(int sid, InStream s) {
        Message m;
        while ((m = s.waiting.remove(s.nextSsn)) != null) {
            held -= m.data.length;
            emit(sid, m.ppid, m.data, false);
            s.nextSsn = (s.nextSsn + 1) & 0xffff;
        }
    }

    private void emit(int sid, int ppid, byte[] data, boolean unordered) {
        messagesReceived++;
        events.add(new SctpEvent.MessageReceived(sid, ppid, data, unordered));
    }

    /** RFC 3758 §3.6: move the cumulative TSN, drop fragments it covers, skip SSNs it names. */
    void onForwardTsn(ForwardTsn f) {
        long newCum = unwrap((int) f.newCumulativeTsn());
        if (newCum > cumTsn) {
            if (newCum - cumTsn > 65536L * 16) {
                return;
            }
            aboveCum.headSet(newCum, true).clear();
            cumTsn = newCum;
            advanceCum();
            Iterator<Fragment> it = fragments.values().iterator();   // rare: a linear pass is fine
            while (it.hasNext()) {
                Fragment x = it.next();
                if (x.tsn <= cumTsn) {
                    held -= x.data.length;
                    it.remove();
                } else if (x.first >= 0 && x.first <= cumTsn) {
                    x.first = -1;   // its B fragment was skipped: it can never complete
                }
            }
        }
        for (StreamSequence ss : f.streams()) {
            InStream s = streams.computeIfAbsent(ss.streamId(), k -> new InStream());
            if ((short) (ss.ssn() - s.nextSsn) >= 0) {
                Iterator<Map.Entry<Integer, Message>> it = s.waiting.entrySet().iterator();
                while (it.hasNext()) {
                    Map.Entry<Integer, Message> e = it.next();
                    if ((short) (e.getKey() - ss.ssn()) <= 0) {
                        held -= e.getValue().data.length;
                        it.remove();
                    }
                }
                s.nextSsn = (ss.ssn() + 1) & 0xffff;
                drain(ss.streamId(), s);
            }
        }
    }

    /** RFC 6525 §5.2.2: incoming SSNs restart at 0 for the named streams (all when empty). */
    void resetStreams(List<Integer> ids) {
        if (ids.isEmpty()) {
            for (InStream s : streams.values()) {
                reset(s);
            }
        } else {
            for (int id : ids) {
                InStream s = streams.get(id);
                if (s != null) {
                    reset(s);
                }
            }
        }
    }

    private void reset(InStream s) {
        for (Message m : s.waiting.values()) {
            held -= m.data.length;
        }
        s.waiting.clear();
        s.nextSsn = 0;
    }

    /** Builds the SACK for the current state and forgets reported duplicates (§6.2). */
    SelectiveAck sack(int maxBlocks) {
        List<GapAckBlock> blocks = new ArrayList<>();
        long start = -1;
        long prev = -1;
        for (long t : aboveCum) {
            if (t - cumTsn > 0xffff) {
                break;  // offsets are 16-bit
            }
            if (start < 0) {
                start = t;
            } else if (t != prev + 1) {
                blocks.add(new GapAckBlock((int) (start - cumTsn), (int) (prev - cumTsn)));
                if (blocks.size() >= Math.min(maxBlocks, MAX_GAP_BLOCKS)) {
                    start = -1;
                    break;
                }
                start = t;
            }
            prev = t;
        }
        if (start >= 0) {
            blocks.add(new GapAckBlock((int) (start - cumTsn), (int) (prev - cumTsn)));
        }
        SelectiveAck s = new SelectiveAck(cumTsn & 0xffffffffL, arwnd(), blocks, duplicates);
        duplicates.clear();
        return s;
    }
}
