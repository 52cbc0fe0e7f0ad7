package org.jwebrtc.sctp;

import java.util.ArrayList;
import java.util.List;

/** SACK (RFC 9260 §3.3.4). */
public record SelectiveAck(long cumulativeTsnAck, long advertisedReceiverWindow, List<GapAckBlock> gapAckBlocks,
                           List<Long> duplicateTsns) implements Chunk {
    public SelectiveAck {
        if ((cumulativeTsnAck >>> 32) != 0 || (advertisedReceiverWindow >>> 32) != 0) {
            throw new IllegalArgumentException("field out of range");
        }
        gapAckBlocks = List.copyOf(gapAckBlocks);
        duplicateTsns = List.copyOf(duplicateTsns);
        if (gapAckBlocks.size() > 0xffff || duplicateTsns.size() > 0xffff) {
            throw new IllegalArgumentException("too many blocks");
        }
        for (long d : duplicateTsns) {
            if ((d >>> 32) != 0) {
                throw new IllegalArgumentException("duplicate TSN out of range");
            }
        }
    }

    @Override
    public int type() {
        return ChunkType.SACK;
    }

    @Override
    public int flags() {
        return 0;
    }

    @Override
    public int valueLength() {
        return 12 + 4 * gapAckBlocks.size() + 4 * duplicateTsns.size();
    }

    @Override
    public void encodeValue(byte[] dst, int off) {
        Bytes.put32(dst, off, cumulativeTsnAck);
        Bytes.put32(dst, off + 4, advertisedReceiverWindow);
        Bytes.put16(dst, off + 8, gapAckBlocks.size());
        Bytes.put16(dst, off + 10, duplicateTsns.size());
        int p = off + 12;
        for (GapAckBlock g : gapAckBlocks) {
            Bytes.put16(dst, p, g.start());
            Bytes.put16(dst, p + 2, g.end());
            p += 4;
        }
        for (long d : duplicateTsns) {
            Bytes.put32(dst, p, d);
            p += 4;
        }
    }

    static SelectiveAck parseValue(byte[] buf, int off, int len) throws SctpException {
        if (len < 12) {
            throw new SctpException("SACK value needs 12 bytes, has " + len, off);
        }
        int gaps = Bytes.u16(buf, off + 8);
        int dups = Bytes.u16(buf, off + 10);
        if (12 + 4L * gaps + 4L * dups > len) {
            throw new SctpException("SACK with " + gaps + " gaps and " + dups + " dups exceeds value length " + len,
                    off + 8);
        }
        List<GapAckBlock> g = new ArrayList<>(gaps);
        int p = off + 12;
        for (int i = 0; i < gaps; i++, p += 4) {
            g.add(new GapAckBlock(Bytes.u16(buf, p), Bytes.u16(buf, p + 2)));
        }
        List<Long> d = new ArrayList<>(dups);
        for (int i = 0; i < dups; i++, p += 4) {
            d.add(Bytes.u32(buf, p));
        }
        return new SelectiveAck(Bytes.u32(buf, off), Bytes.u32(buf, off + 4), g, d);
    }
}
