package org.jwebrtc.ice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Whatever the packets and however TCP splits the stream, the framer gives the packets back. */
class Rfc4571FramerProperties {

    @Property(tries = 300)
    void framedPacketsSurviveAnySplit(@ForAll @Size(max = 20) List<@Size(max = 1500) byte[]> packets,
                                      @ForAll @IntRange(min = 1, max = 3000) int chunk) {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (byte[] p : packets) {
            stream.writeBytes(Rfc4571Framer.frame(p, 0, p.length));
        }
        byte[] wire = stream.toByteArray();
        Rfc4571Framer r = new Rfc4571Framer();
        List<byte[]> out = new ArrayList<>();
        for (int off = 0; off < wire.length; ) {
            off += r.feed(wire, off, Math.min(chunk, wire.length - off));
            for (byte[] f; (f = r.pollFrame()) != null; ) {
                out.add(f);
            }
        }
        assertThat(out).hasSize(packets.size());
        for (int i = 0; i < out.size(); i++) {
            assertThat(out.get(i)).isEqualTo(packets.get(i));
        }
        assertThat(r.buffered()).isZero();
    }

    @Property(tries = 300)
    void arbitraryStreamBytesNeverThrow(@ForAll @Size(max = 5000) byte[] junk) {
        Rfc4571Framer r = new Rfc4571Framer();
        int off = 0;
        while (off < junk.length) {
            int n = r.feed(junk, off, junk.length - off);
            off += n;
            boolean any = false;
            while (r.pollFrame() != null) {
                any = true;
            }
            if (n == 0 && !any) {
                break;
            }
        }
        assertThat(r.buffered()).isBetween(0, 2 + Rfc4571Framer.MAX_FRAME);
    }
}
