package org.jwebrtc.dtls.internal.dtls13;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Protected records: round trips per suite and epoch, tampering, truncation, replay, junk. */
class RecordLayerProperties {
    private static final byte[] SECRET = new byte[48];

    static {
        Arrays.fill(SECRET, (byte) 7);
    }

    private static RecordLayer[] pair(CipherSuite suite, long epoch) {
        byte[] secret = Arrays.copyOf(SECRET, suite.hashLength());
        RecordLayer tx = new RecordLayer();
        RecordLayer rx = new RecordLayer();
        tx.installWrite(RecordProtection.fromSecret(suite, epoch, secret));
        rx.installRead(RecordProtection.fromSecret(suite, epoch, secret));
        return new RecordLayer[] {tx, rx};
    }

    @Property(tries = 300)
    void protectedRecordsRoundTrip(@ForAll CipherSuite suite, @ForAll @LongRange(min = 1, max = 1000) long epoch,
                                   @ForAll @Size(max = 1500) byte[] content, @ForAll @IntRange(min = 21, max = 26) int type,
                                   @ForAll @IntRange(max = 300) int skip) {
        RecordLayer[] p = pair(suite, epoch);
        for (int i = 0; i < skip; i++) {
            p[0].encode(ContentType.APPLICATION_DATA, content, 0, 0, epoch);   // advance the sequence number
        }
        RecordLayer.Encoded e = p[0].encode(type, content, 0, content.length, epoch);
        assertThat(e.number()).isEqualTo(new RecordNumber(epoch, skip));
        List<RecordLayer.Received> got = p[1].decode(e.bytes(), 0, e.bytes().length);
        assertThat(got).singleElement().satisfies(r -> {
            assertThat(r.type()).isEqualTo(type);
            assertThat(r.content()).isEqualTo(content);
            assertThat(r.number()).isEqualTo(e.number());
        });
        assertThat(p[1].decode(e.bytes(), 0, e.bytes().length)).as("replay").isEmpty();
        assertThat(p[1].replays()).isEqualTo(1);
    }

    @Property(tries = 300)
    void anyBitFlipIsRejectedAndCounted(@ForAll CipherSuite suite, @ForAll @Size(min = 1, max = 200) byte[] content,
                                        @ForAll @IntRange(max = 100_000) int bit) {
        RecordLayer[] p = pair(suite, 3);
        byte[] wire = p[0].encode(ContentType.APPLICATION_DATA, content, 0, content.length, 3).bytes();
        int i = bit % (wire.length * 8);
        wire[i / 8] ^= (byte) (1 << (i % 8));
        List<RecordLayer.Received> got = p[1].decode(wire, 0, wire.length);
        assertThat(got).isEmpty();
        assertThat(p[1].authFailures() + p[1].malformed() + p[1].unknownEpoch() + p[1].replays()).isPositive();
    }

    @Property(tries = 200)
    void truncatedRecordsAreDropped(@ForAll CipherSuite suite, @ForAll @Size(min = 1, max = 100) byte[] content) {
        RecordLayer[] p = pair(suite, 2);
        byte[] wire = p[0].encode(ContentType.HANDSHAKE, content, 0, content.length, 2).bytes();
        for (int n = 0; n < wire.length; n++) {
            assertThat(p[1].decode(wire, 0, n)).isEmpty();
        }
        assertThat(p[1].decode(wire, 0, wire.length)).hasSize(1);
    }

    @Property(tries = 1000)
    void junkNeverThrows(@ForAll @Size(max = 400) byte[] junk, @ForAll CipherSuite suite) {
        RecordLayer rx = pair(suite, 2)[1];
        rx.decode(junk, 0, junk.length);
    }

    @Property(tries = 100)
    void severalRecordsShareADatagramAndReorderedOnesAreAccepted(@ForAll CipherSuite suite,
                                                                  @ForAll @Size(min = 2, max = 8) List<@Size(max = 50) byte[]> contents) {
        RecordLayer[] p = pair(suite, 3);
        List<byte[]> wires = contents.stream().map(c -> p[0].encode(ContentType.APPLICATION_DATA, c, 0, c.length, 3).bytes()).toList();
        java.io.ByteArrayOutputStream dgram = new java.io.ByteArrayOutputStream();
        for (int i = wires.size() - 1; i >= 0; i--) {
            dgram.writeBytes(wires.get(i));   // reverse order within one datagram
        }
        byte[] d = dgram.toByteArray();
        List<RecordLayer.Received> got = p[1].decode(d, 0, d.length);
        assertThat(got).hasSameSizeAs(contents);
        for (int i = 0; i < got.size(); i++) {
            assertThat(got.get(i).content()).isEqualTo(contents.get(contents.size() - 1 - i));
        }
    }
}
