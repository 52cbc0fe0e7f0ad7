package org.jwebrtc.rtp.codec;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.jwebrtc.rtp.RtpException;

/**
 * AV1 depacketizer (AOMedia "RTP Payload Format for AV1" v1.0 §4-§5): reassembles OBU elements
 * (Z/Y fragments, W counted or LEB128-prefixed) and emits a low-overhead temporal unit: a temporal
 * delimiter, then every OBU with obu_has_size_field=1 and a minimal LEB128 size (§7.2 of the RTP spec).
 */
public final class Av1Depacketizer implements Depacketizer {
    private static final byte[] TEMPORAL_DELIMITER = {0x12, 0x00};

    @Override
    public byte[] depacketize(List<byte[]> payloads) throws RtpException {
        List<byte[]> obus = depacketizeObus(payloads);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(TEMPORAL_DELIMITER);
        for (int i = 0; i < obus.size(); i++) {
            byte[] o = obus.get(i);
            int h = o[0] & 0xFF;
            int type = (h >>> 3) & 0xF;
            int hdr = (h & 0x04) != 0 ? 2 : 1;
            if ((h & 0x80) != 0 || o.length < hdr) {
                throw new RtpException("bad OBU header in OBU " + i, -1);
            }
            int start = hdr;
            int n = o.length - hdr;
            if ((h & 0x02) != 0) { // sender kept the size field
                long r = Leb128.read(o, hdr, o.length);
                if (r < 0 || (r & 0xFFFFFFFFL) > o.length - hdr - (r >>> 32)) {
                    throw new RtpException("bad OBU size field in OBU " + i, -1);
                }
                start = hdr + (int) (r >>> 32);
                n = (int) (r & 0xFFFFFFFFL);
            }
            if (type == Av1Packetizer.OBU_TEMPORAL_DELIMITER) {
                continue;
            }
            out.write(h | 0x02);
            if (hdr == 2) {
                out.write(o[1]);
            }
            Leb128.write(out, n);
            out.write(o, start, n);
        }
        return out.toByteArray();
    }

    /** The OBUs (as sent: header, maybe size field, payload) of one temporal unit. */
    public List<byte[]> depacketizeObus(List<byte[]> payloads) throws RtpException {
        if (payloads.isEmpty()) {
            throw new RtpException("no AV1 payloads", -1);
        }
        List<byte[]> obus = new ArrayList<>();
        ByteArrayOutputStream cur = null;
        for (int k = 0; k < payloads.size(); k++) {
            byte[] p = payloads.get(k);
            if (p.length < 2) {
                throw new RtpException("AV1 payload " + k + " has no OBU element", 0);
            }
            int agg = p[0] & 0xFF;
            boolean z = (agg & 0x80) != 0;
            boolean y = (agg & 0x40) != 0;
            int w = (agg >>> 4) & 0x3;
            if (z != (cur != null)) {
                throw new RtpException(z ? "Z set but no fragment is open" : "previous packet's Y fragment not continued",
                        0);
            }
            int q = 1;
            int e = 0;
            while (q < p.length) {
                e++;
                int n;
                if (w != 0 && e == w) {
                    n = p.length - q;
                } else {
                    long r = Leb128.read(p, q, p.length);
                    if (r < 0) {
                        throw new RtpException("bad OBU element length", q);
                    }
                    q += (int) (r >>> 32);
                    long size = r & 0xFFFFFFFFL; // compare as long: LEB128 values reach 2^32-1
                    if (size > p.length - q) {
                        throw new RtpException("OBU element length " + size + " exceeds remaining " + (p.length - q), q);
                    }
                    n = (int) size;
                }
                if (n == 0) {
                    throw new RtpException("empty OBU element", q);
                }
                if (cur == null) {
                    cur = new ByteArrayOutputStream(n);
                }
                cur.write(p, q, n);
                q += n;
                boolean last = q == p.length;
                if (!last || !y) {
                    obus.add(cur.toByteArray());
                    cur = null;
                }
            }
            if (w != 0 && e != w) {
                throw new RtpException("W=" + w + " but " + e + " OBU elements", 0);
            }
        }
        if (cur != null) {
            throw new RtpException("temporal unit ends inside a fragmented OBU", -1);
        }
        return obus;
    }

    /** N bit: first packet of a coded video sequence, i.e. a key frame with its sequence header. */
    @Override
    public boolean isKeyframe(byte[] p, int off, int len) {
        return len >= 2 && (p[off] & 0x08) != 0 && (p[off] & 0x80) == 0;
    }

    /**
     * Z=0 and the first element starts with a sequence header, temporal delimiter, frame header or
     * frame OBU: the start of a temporal unit (heuristic; the marker bit ends one).
     */
    @Override
    public boolean isFrameStart(byte[] p, int off, int len) {
        if (len < 2 || (p[off] & 0x80) != 0) {
            return false;
        }
        int w = (p[off] >>> 4) & 0x3;
        int q = off + 1;
        if (w != 1) {
            long r = Leb128.read(p, q, off + len);
            if (r < 0) {
                return false;
            }
            q += (int) (r >>> 32);
        }
        if (q >= off + len) {
            return false;
        }
        int type = (p[q] >>> 3) & 0xF;
        return type == 1 || type == 2 || type == 3 || type == 6;
    }
}
