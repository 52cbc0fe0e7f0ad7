package org.jwebrtc.sctp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * §6.9 reassembly and §6.6 ordering in {@link ReceiveBuffer}, fed DATA chunks in any order: every message comes out
 * whole, once, in SSN order per stream, and nothing stays held; a FORWARD TSN into the middle of a message leaves
 * the orphaned tail unable to complete instead of breaking the buffer.
 */
class ReassemblyProperties {
    private static final int INITIAL_TSN = -5;   // wraps through 0 on the way

    private record Sent(int streamId, int ssn, byte[] data) {}

    /** Fragments messages of 1..maxFragments pieces over two ordered streams into DATA chunk bytes. */
    private static List<byte[]> chunks(Random r, int messages, int maxFragments, List<Sent> sent) {
        List<byte[]> out = new ArrayList<>();
        int tsn = INITIAL_TSN;
        int[] ssn = new int[2];
        for (int m = 0; m < messages; m++) {
            int sid = r.nextInt(2);
            int fragments = 1 + r.nextInt(maxFragments);
            byte[] data = new byte[fragments * 3 + r.nextInt(3)];
            r.nextBytes(data);
            sent.add(new Sent(sid, ssn[sid], data));
            int per = data.length / fragments;
            for (int f = 0; f < fragments; f++) {
                int off = f * per;
                int len = f == fragments - 1 ? data.length - off : per;
                int flags = (f == 0 ? DataChunk.FLAG_B : 0) | (f == fragments - 1 ? DataChunk.FLAG_E : 0);
                byte[] c = new byte[DataChunkView.encodedLength(len)];
                DataChunkView.encode(c, 0, flags, tsn++, sid, ssn[sid], 51, data, off, len);
                out.add(c);
            }
            ssn[sid]++;
        }
        return out;
    }

    private static ReceiveBuffer buffer(ArrayDeque<SctpEvent> events) {
        ReceiveBuffer rb = new ReceiveBuffer(SctpConfig.defaults(), events);
        rb.start(INITIAL_TSN);
        return rb;
    }

    @Property(tries = 300)
    void anyArrivalOrderDeliversEveryMessageWholeOnceInOrder(@ForAll long seed,
                                                             @ForAll @IntRange(min = 1, max = 40) int messages,
                                                             @ForAll @IntRange(min = 1, max = 12) int maxFragments,
                                                             @ForAll @IntRange(min = 0, max = 3) int shuffle)
            throws SctpException {
        Random r = new Random(seed);
        List<Sent> sent = new ArrayList<>();
        List<byte[]> chunks = chunks(r, messages, maxFragments, sent);
        switch (shuffle) {
            case 0 -> { }                                   // in order: the fast path
            case 1 -> Collections.reverse(chunks);          // every fragment arrives before its predecessor
            case 2 -> Collections.shuffle(chunks, r);
            default -> {                                    // local swaps, as a jittery path does
                for (int i = 1; i < chunks.size(); i += 2) {
                    Collections.swap(chunks, i - 1, i);
                }
            }
        }
        ArrayDeque<SctpEvent> events = new ArrayDeque<>();
        ReceiveBuffer rb = buffer(events);
        DataChunkView view = new DataChunkView();
        for (byte[] c : chunks) {
            assertThat(rb.onData(view.wrap(c, 0, c.length))).isTrue();
        }
        for (byte[] c : chunks.subList(0, Math.min(3, chunks.size()))) {
            assertThat(rb.onData(view.wrap(c, 0, c.length))).as("duplicate").isFalse();
        }
        List<List<byte[]>> perStream = List.of(new ArrayList<>(), new ArrayList<>());
        for (SctpEvent e : events) {
            SctpEvent.MessageReceived m = (SctpEvent.MessageReceived) e;
            perStream.get(m.streamId()).add(m.data());
        }
        for (int sid = 0; sid < 2; sid++) {
            int s = sid;
            List<byte[]> expected = sent.stream().filter(x -> x.streamId() == s).map(Sent::data).toList();
            assertThat(perStream.get(sid)).containsExactlyElementsOf(expected);
        }
        assertThat(rb.arwnd()).as("nothing held").isEqualTo(SctpConfig.defaults().receiveWindow());
        assertThat(rb.hasGaps()).isFalse();
        assertThat(rb.cumTsn & 0xffffffffL).isEqualTo((INITIAL_TSN + chunks.size() - 1) & 0xffffffffL);
    }

    @Property(tries = 200)
    void aForwardTsnIntoAMessageOrphansItsTailWithoutBreakingLaterMessages(@ForAll long seed) throws SctpException {
        Random r = new Random(seed);
        List<Sent> sent = new ArrayList<>();
        // message 0: 6 fragments on stream 0; message 1: 1..4 fragments on stream 1
        byte[] big = new byte[60];
        r.nextBytes(big);
        List<byte[]> chunks = new ArrayList<>();
        for (int f = 0; f < 6; f++) {
            int flags = (f == 0 ? DataChunk.FLAG_B : 0) | (f == 5 ? DataChunk.FLAG_E : 0);
            byte[] c = new byte[DataChunkView.encodedLength(10)];
            DataChunkView.encode(c, 0, flags | DataChunk.FLAG_U, INITIAL_TSN + f, 0, 0, 51, big, f * 10, 10);
            chunks.add(c);
        }
        int tail = 1 + r.nextInt(4);
        byte[] second = new byte[tail * 5];
        r.nextBytes(second);
        for (int f = 0; f < tail; f++) {
            int flags = (f == 0 ? DataChunk.FLAG_B : 0) | (f == tail - 1 ? DataChunk.FLAG_E : 0);
            byte[] c = new byte[DataChunkView.encodedLength(5)];
            DataChunkView.encode(c, 0, flags, INITIAL_TSN + 6 + f, 1, 0, 51, second, f * 5, 5);
            chunks.add(c);
        }
        int cut = 1 + r.nextInt(4);   // the FORWARD TSN skips fragments 0..cut-1 of message 0, never received
        ArrayDeque<SctpEvent> events = new ArrayDeque<>();
        ReceiveBuffer rb = buffer(events);
        DataChunkView view = new DataChunkView();
        List<byte[]> before = new ArrayList<>(chunks.subList(cut, 6));
        Collections.shuffle(before, r);
        for (byte[] c : before.subList(0, r.nextInt(before.size() + 1))) {   // some of its tail arrives first
            rb.onData(view.wrap(c, 0, c.length));
        }

        rb.onForwardTsn(new ForwardTsn((INITIAL_TSN + cut - 1) & 0xffffffffL, List.of()));
        List<byte[]> rest = new ArrayList<>(chunks);   // the skipped ones come too late: duplicates
        Collections.shuffle(rest, r);
        for (byte[] c : rest) {
            rb.onData(view.wrap(c, 0, c.length));
        }
        List<byte[]> delivered = new ArrayList<>();
        for (SctpEvent e : events) {
            delivered.add(((SctpEvent.MessageReceived) e).data());
        }
        assertThat(delivered).as("the cut message never completes; the next one does").containsExactly(second);
    }
}
