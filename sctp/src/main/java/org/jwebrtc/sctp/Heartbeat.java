package org.jwebrtc.sctp;

import java.util.Arrays;
import java.util.HexFormat;

/** HEARTBEAT (RFC 9260 §3.3.5) or HEARTBEAT ACK (§3.3.6) carrying one Heartbeat Info parameter, echoed verbatim. */
public record Heartbeat(boolean ack, byte[] info) implements Chunk {
    public Heartbeat {
        info = info.clone();
        if (info.length > 0xffff - 8) {
            throw new IllegalArgumentException("heartbeat info too long");
        }
    }

    @Override
    public byte[] info() {
        return info.clone();
    }

    @Override
    public int type() {
        return ack ? ChunkType.HEARTBEAT_ACK : ChunkType.HEARTBEAT;
    }

    @Override
    public int flags() {
        return 0;
    }

    @Override
    public int valueLength() {
        return 4 + info.length;
    }

    @Override
    public void encodeValue(byte[] dst, int off) {
        Bytes.put16(dst, off, Parameter.HEARTBEAT_INFO);
        Bytes.put16(dst, off + 2, 4 + info.length);
        System.arraycopy(info, 0, dst, off + 4, info.length);
    }

    static Heartbeat parseValue(boolean ack, byte[] buf, int off, int len) throws SctpException {
        if (len < 4) {
            throw new SctpException("HEARTBEAT needs a Heartbeat Info parameter", off);
        }
        int t = Bytes.u16(buf, off);
        int l = Bytes.u16(buf, off + 2);
        if (t != Parameter.HEARTBEAT_INFO) {
            throw new SctpException("HEARTBEAT parameter type " + t + " is not Heartbeat Info", off);
        }
        if (l < 4 || l > len) {
            throw new SctpException("Heartbeat Info length " + l + " invalid, value has " + len, off + 2);
        }
        return new Heartbeat(ack, Arrays.copyOfRange(buf, off + 4, off + l));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Heartbeat h && h.ack == ack && Arrays.equals(h.info, info);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(info) + (ack ? 1 : 0);
    }

    @Override
    public String toString() {
        return "Heartbeat[ack=" + ack + ", info=" + HexFormat.of().formatHex(info) + "]";
    }
}
