package org.jwebrtc.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * One bad datagram never kills a connection (DESIGN §4): random bytes, and bit-flipped copies of a
 * real record, fed to a connected transport are dropped; data still flows afterwards.
 */
class HostileInputProperties {
    private static DtlsPair pair;
    private static byte[] realRecord;

    @BeforeContainer
    static void connect() throws Exception {
        pair = new DtlsPair(DtlsCertificate.generate(), DtlsCertificate.generate(), DtlsConfig.defaults());
        pair.start();
        pair.pumpUntilSettled(Duration.ofSeconds(20));
        byte[] x = "x".getBytes(StandardCharsets.UTF_8);
        pair.client.send(x, 0, x.length);
        realRecord = pair.client.pollTransmit();
        pair.server.handleInput(0, realRecord, 0, realRecord.length);
        pair.server.pollEvent();
    }

    @AfterContainer
    static void close() {
        pair.close();
    }

    @Property(tries = 300)
    void randomDatagramsAreDropped(@ForAll @Size(max = 1500) byte[] junk) {
        if (junk.length > 0) {
            junk[0] = (byte) (20 + Math.floorMod(junk[0], 44));   // RFC 7983: DTLS range 20..63
        }
        pair.server.handleInput(0, junk, 0, junk.length);
        assertStillWorks();
    }

    @Property(tries = 300)
    void bitFlippedRecordsAreDropped(@ForAll int bit) {
        byte[] flipped = realRecord.clone();
        int b = Math.floorMod(bit, flipped.length * 8);
        flipped[b / 8] ^= (byte) (1 << (b % 8));
        pair.server.handleInput(0, flipped, 0, flipped.length);
        // a flip in the record header's sequence number may still authenticate? no: the
        // sequence number is in the AEAD additional data (RFC 6347 §4.1.2.1), so nothing passes
        assertThat(pair.server.pollEvent()).isNull();
        assertStillWorks();
    }

    @Property(tries = 100)
    void truncatedRecordsAreDropped(@ForAll int cut) {
        int len = Math.floorMod(cut, realRecord.length);
        pair.server.handleInput(0, realRecord, 0, len);
        assertThat(pair.server.pollEvent()).isNull();
        assertStillWorks();
    }

    /** The fuzz module's finding: a current-epoch ChangeCipherSpec record of length 0 killed the association. */
    @net.jqwik.api.Example
    void aZeroLengthCurrentEpochRecordIsDropped() {
        byte[] forged = HexFormat.of().parseHex("14fefd000102bf000000000000bf00");
        long before = pair.server.stats().rejectedRecords();
        pair.server.handleInput(0, forged, 0, forged.length);
        assertStillWorks();
        assertThat(pair.server.stats().rejectedRecords()).isGreaterThan(before);
    }

    /** Records with a well-formed header that cannot be genuine: short ciphertexts, plaintext alerts, future epochs. */
    @Property(tries = 300)
    void forgedRecordHeadersAreDroppedAndCounted(@ForAll("contentTypes") int type, @ForAll("epochs") int epoch,
                                                 @ForAll @Size(max = 40) byte[] body) {
        byte[] forged = new byte[13 + body.length];
        forged[0] = (byte) type;
        forged[1] = (byte) 0xfe;
        forged[2] = (byte) 0xfd;
        forged[3] = (byte) (epoch >> 8);
        forged[4] = (byte) epoch;
        forged[10] = 7;
        forged[11] = (byte) (body.length >> 8);
        forged[12] = (byte) body.length;
        System.arraycopy(body, 0, forged, 13, body.length);
        pair.server.handleInput(0, forged, 0, forged.length);
        assertStillWorks();
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> contentTypes() {
        return net.jqwik.api.Arbitraries.integers().between(20, 23);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> epochs() {
        return net.jqwik.api.Arbitraries.integers().between(0, 3);
    }

    private static void assertStillWorks() {
        DtlsEvent e;
        while ((e = pair.server.pollEvent()) != null) {
            assertThat(e).isNotInstanceOfAny(DtlsEvent.Failed.class, DtlsEvent.Closed.class);
        }
        assertThat(pair.server.isConnected()).isTrue();
        byte[] ok = "still alive".getBytes(StandardCharsets.UTF_8);
        pair.client.send(ok, 0, ok.length);
        byte[] d = pair.client.pollTransmit();
        pair.server.handleInput(0, d, 0, d.length);
        assertThat(List.of(pair.server.pollEvent())).containsExactly(new DtlsEvent.ApplicationData(ok));
        while (pair.server.pollTransmit() != null) {
            // drop whatever the server answered (nothing expected)
        }
    }
}
