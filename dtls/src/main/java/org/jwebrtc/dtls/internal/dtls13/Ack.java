package org.jwebrtc.dtls.internal.dtls13;

import java.util.ArrayList;
import java.util.List;
import org.jwebrtc.dtls.DtlsException;

/** ACK message (RFC 9147 §7): RecordNumber record_numbers&lt;0..2^16-1&gt;. */
public record Ack(List<RecordNumber> recordNumbers) {
    public Ack {
        recordNumbers = List.copyOf(recordNumbers);
    }

    public static Ack parse(byte[] body) throws DtlsException {
        WireReader r = new WireReader(body);
        int n = r.u16("record_numbers length");
        if (n % 16 != 0) {
            throw new DtlsException("record_numbers length " + n + " not a multiple of 16", 0);
        }
        WireReader l = r.sub(n, "record_numbers");
        r.expectEnd("ACK");
        List<RecordNumber> out = new ArrayList<>(n / 16);
        while (l.hasRemaining()) {
            out.add(new RecordNumber(l.u64("epoch"), l.u64("sequence_number")));
        }
        return new Ack(out);
    }

    public byte[] encode() {
        WireWriter w = new WireWriter(2 + 16 * recordNumbers.size()).u16(16 * recordNumbers.size());
        for (RecordNumber n : recordNumbers) {
            w.u64(n.epoch()).u64(n.sequenceNumber());
        }
        return w.toBytes();
    }
}
