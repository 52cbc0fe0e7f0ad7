package org.jwebrtc.rtp.rtcp;

import java.util.List;
import org.jwebrtc.rtp.internal.Bytes;

/** DLRR report block (RFC 3611 §4.5), BT=5: sub-blocks of 12 bytes. */
public record DlrrBlock(List<DlrrSubBlock> subBlocks) implements XrBlock {
    public static final int BT = 5;

    public DlrrBlock {
        subBlocks = List.copyOf(subBlocks);
        if (subBlocks.size() > 0xFFFF / 3) {
            throw new IllegalArgumentException("too many DLRR sub-blocks");
        }
    }

    @Override
    public int blockType() {
        return BT;
    }

    @Override
    public int encodedLength() {
        return 4 + 12 * subBlocks.size();
    }

    @Override
    public void write(byte[] dst, int off) {
        dst[off] = BT;
        dst[off + 1] = 0;
        Bytes.put16(dst, off + 2, 3 * subBlocks.size());
        int p = off + 4;
        for (DlrrSubBlock s : subBlocks) {
            Bytes.put32(dst, p, s.ssrc());
            Bytes.put32(dst, p + 4, s.lastRr());
            Bytes.put32(dst, p + 8, s.delaySinceLastRr());
            p += 12;
        }
    }
}
