package org.jwebrtc.sctp;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Data Channel Establishment Protocol messages (RFC 8832 §5), carried with PPID 50. */
public sealed interface DcepMessage permits DcepMessage.Open, DcepMessage.Ack {
    int DATA_CHANNEL_ACK = 0x02;
    int DATA_CHANNEL_OPEN = 0x03;

    int encodedLength();

    int encode(byte[] dst, int off);

    default byte[] toBytes() {
        byte[] b = new byte[encodedLength()];
        encode(b, 0);
        return b;
    }

    /** DATA_CHANNEL_OPEN (§5.1). {@code reliabilityParameter}: retransmissions or lifetime in ms, else 0. */
    record Open(ChannelType channelType, int priority, long reliabilityParameter, String label, String protocol)
            implements DcepMessage {
        public Open {
            if (channelType == null || label == null || protocol == null || (priority >>> 16) != 0 || (reliabilityParameter >>> 32) != 0) {
                throw new IllegalArgumentException("field out of range");
            }
            if (utf8(label).length > 0xffff || utf8(protocol).length > 0xffff) {
                throw new IllegalArgumentException("label/protocol longer than 65535 bytes");
            }
        }

        @Override
        public int encodedLength() {
            return 12 + utf8(label).length + utf8(protocol).length;
        }

        @Override
        public int encode(byte[] dst, int off) {
            byte[] l = utf8(label);
            byte[] p = utf8(protocol);
            int n = 12 + l.length + p.length;
            Bytes.checkRoom(dst, off, n);
            dst[off] = DATA_CHANNEL_OPEN;
            dst[off + 1] = (byte) channelType.code();
            Bytes.put16(dst, off + 2, priority);
            Bytes.put32(dst, off + 4, reliabilityParameter);
            Bytes.put16(dst, off + 8, l.length);
            Bytes.put16(dst, off + 10, p.length);
            System.arraycopy(l, 0, dst, off + 12, l.length);
            System.arraycopy(p, 0, dst, off + 12 + l.length, p.length);
            return n;
        }
    }

    /** DATA_CHANNEL_ACK (§5.2). */
    record Ack() implements DcepMessage {
        @Override
        public int encodedLength() {
            return 1;
        }

        @Override
        public int encode(byte[] dst, int off) {
            Bytes.checkRoom(dst, off, 1);
            dst[off] = DATA_CHANNEL_ACK;
            return 1;
        }
    }

    static DcepMessage parse(byte[] buf, int off, int len) throws SctpException {
        if (len < 1 || off < 0 || len > buf.length - off) {
            throw new SctpException("empty DCEP message", off);
        }
        int type = Bytes.u8(buf, off);
        if (type == DATA_CHANNEL_ACK) {
            return new Ack();   // §5.2: exactly one byte; trailing bytes are tolerated
        }
        if (type != DATA_CHANNEL_OPEN) {
            throw new SctpException("unknown DCEP message type " + type, off);
        }
        if (len < 12) {
            throw new SctpException("DATA_CHANNEL_OPEN needs 12 bytes, has " + len, off);
        }
        ChannelType ct = ChannelType.of(Bytes.u8(buf, off + 1));
        if (ct == null) {
            throw new SctpException("unknown channel type 0x" + Integer.toHexString(Bytes.u8(buf, off + 1)),
                    off + 1);
        }
        int ll = Bytes.u16(buf, off + 8);
        int pl = Bytes.u16(buf, off + 10);
        if (12 + ll + pl > len) {
            throw new SctpException("label " + ll + " + protocol " + pl + " exceed message length " + len, off + 8);
        }
        return new Open(ct, Bytes.u16(buf, off + 2), Bytes.u32(buf, off + 4), decode(buf, off + 12, ll),
                decode(buf, off + 12 + ll, pl));
    }

    private static String decode(byte[] buf, int off, int len) throws SctpException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(buf, off, len)).toString();
        } catch (CharacterCodingException e) {
            throw new SctpException("label/protocol is not UTF-8", off);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
