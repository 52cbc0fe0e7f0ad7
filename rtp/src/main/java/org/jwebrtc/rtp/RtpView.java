package org.jwebrtc.rtp;

import java.util.ArrayList;
import java.util.List;
import org.jwebrtc.rtp.internal.Bytes;

/**
 * Zero-copy view of one RTP packet (RFC 3550 §5.1) in a caller's buffer. {@link #wrap} checks every
 * length once; accessors then read without further checks. {@link #wrapHeader} is the forwarding
 * fast path that leaves the RFC 8285 elements unscanned until one is asked for. Reuse one view per loop: it allocates
 * nothing. Valid until the buffer is overwritten or the view is re-wrapped.
 *
 * <p>Not thread-safe; owned by one thread.
 */
public final class RtpView {
    private byte[] buf;
    private int off;
    private int len;
    private int csrcCount;
    private int extProfile = RtpHeader.NO_EXTENSION;
    private int extOff;      // absolute offset of the extension body (after the 4-byte header)
    private int extLen;      // extension body length in bytes
    private int payloadOff;  // absolute
    private int payloadLen;
    private int paddingLen;

    /**
     * Points this view at {@code buf[off, off+len)}.
     *
     * @throws RtpException if the bytes are not a well-formed RTP packet; the view is then unusable
     * @throws IllegalArgumentException if (off, len) is outside {@code buf}
     */
    public RtpView wrap(byte[] buf, int off, int len) throws RtpException {
        return wrap(buf, off, len, true);
    }

    /**
     * Forwarding fast path: like {@link #wrap} (fixed header, CSRC list, extension block length and
     * padding are checked) but the RFC 8285 elements are not scanned. They are parsed only when one
     * is looked up, and a malformed element list then reads as "absent" instead of throwing.
     *
     * @throws RtpException if the fixed header, CSRCs, extension block or padding are malformed
     */
    public RtpView wrapHeader(byte[] buf, int off, int len) throws RtpException {
        return wrap(buf, off, len, false);
    }

    private RtpView wrap(byte[] buf, int off, int len, boolean scanElements) throws RtpException {
        Bytes.checkRange(buf, off, len);
        this.buf = null;
        if (len < RtpHeader.FIXED_LENGTH) {
            throw new RtpException("RTP packet of " + len + " bytes is shorter than the fixed header", 0);
        }
        int b0 = buf[off] & 0xFF;
        if ((b0 >>> 6) != 2) {
            throw new RtpException("RTP version " + (b0 >>> 6) + " is not 2", 0);
        }
        int cc = b0 & 0x0F;
        int pos = RtpHeader.FIXED_LENGTH + 4 * cc;
        if (pos > len) {
            throw new RtpException(cc + " CSRCs exceed packet length " + len, 0);
        }
        int profile = RtpHeader.NO_EXTENSION;
        int eOff = 0;
        int eLen = 0;
        if ((b0 & 0x10) != 0) { // RFC 3550 §5.3.1
            if (len - pos < 4) {
                throw new RtpException("header extension header truncated", pos);
            }
            profile = Bytes.u16(buf, off + pos);
            eLen = Bytes.u16(buf, off + pos + 2) * 4;
            pos += 4;
            if (eLen > len - pos) {
                throw new RtpException("header extension of " + eLen + " bytes exceeds remaining "
                        + (len - pos), pos - 4);
            }
            eOff = off + pos;
            if (scanElements && RtpHeader.isRfc8285(profile)) {
                checkElements(buf, eOff, eLen, profile == RtpHeader.ONE_BYTE_PROFILE, off);
            }
            pos += eLen;
        }
        int pad = 0;
        if ((b0 & 0x20) != 0) { // RFC 3550 §5.1 P: last octet counts the padding, itself included
            if (pos == len) {
                throw new RtpException("padding bit set but no padding octets", pos);
            }
            pad = buf[off + len - 1] & 0xFF;
            if (pad == 0 || pad > len - pos) {
                throw new RtpException("padding count " + pad + " invalid for " + (len - pos)
                        + " bytes after the header", len - 1);
            }
        }
        this.buf = buf;
        this.off = off;
        this.len = len;
        this.csrcCount = cc;
        this.extProfile = profile;
        this.extOff = eOff;
        this.extLen = eLen;
        this.payloadOff = off + pos;
        this.payloadLen = len - pos - pad;
        this.paddingLen = pad;
        return this;
    }

    private static void checkElements(byte[] b, int p, int n, boolean oneByte, int base)
            throws RtpException {
        int end = p + n;
        while (p < end) {
            int h = b[p] & 0xFF;
            if (oneByte ? (h >>> 4) == 0 : h == 0) { // RFC 8285 §4.1.1 padding (id 0), one octet
                p++;
                continue;
            }
            int dataLen;
            if (oneByte) {
                if ((h >>> 4) == 15) { // §4.2: stop processing at id 15
                    return;
                }
                dataLen = (h & 0x0F) + 1;
                p += 1;
            } else {
                if (p + 1 >= end) {
                    throw new RtpException("two-byte extension element header truncated", p - base);
                }
                dataLen = b[p + 1] & 0xFF;
                p += 2;
            }
            if (dataLen > end - p) {
                throw new RtpException("extension element id " + (oneByte ? h >>> 4 : h) + " length "
                        + dataLen + " exceeds remaining " + (end - p), p - base);
            }
            p += dataLen;
        }
    }

    private void checkWrapped() {
        if (buf == null) {
            throw new IllegalStateException("view not wrapped (or last wrap failed)");
        }
    }

    public byte[] buffer() {
        return buf;
    }

    public int offset() {
        return off;
    }

    public int length() {
        return len;
    }

    public int version() {
        return (buf[off] & 0xFF) >>> 6;
    }

    public boolean padding() {
        return (buf[off] & 0x20) != 0;
    }

    public boolean hasExtension() {
        return (buf[off] & 0x10) != 0;
    }

    public int csrcCount() {
        return csrcCount;
    }

    public boolean marker() {
        return (buf[off + 1] & 0x80) != 0;
    }

    public int payloadType() {
        return buf[off + 1] & 0x7F;
    }

    public int sequenceNumber() {
        return Bytes.u16(buf, off + 2);
    }

    public long timestamp() {
        return Bytes.u32(buf, off + 4);
    }

    public long ssrc() {
        return Bytes.u32(buf, off + 8);
    }

    public long csrc(int i) {
        if (i < 0 || i >= csrcCount) {
            throw new IndexOutOfBoundsException("csrc " + i + " of " + csrcCount);
        }
        return Bytes.u32(buf, off + 12 + 4 * i);
    }

    /** Header length: fixed header, CSRCs and extension. */
    public int headerLength() {
        return payloadOff - off;
    }

    /** Absolute offset of the payload in {@link #buffer()}. */
    public int payloadOffset() {
        return payloadOff;
    }

    public int payloadLength() {
        return payloadLen;
    }

    /** Padding octets including the count octet; 0 without the P bit. */
    public int paddingLength() {
        return paddingLen;
    }

    /** {@link RtpHeader#NO_EXTENSION}, 0xBEDE, 0x100X or another profile value. */
    public int extensionProfile() {
        return extProfile;
    }

    /** Absolute offset of the extension body (after profile and length), valid if {@link #hasExtension()}. */
    public int extensionBodyOffset() {
        return extOff;
    }

    public int extensionBodyLength() {
        return extLen;
    }

    /**
     * Copies the data of the first RFC 8285 element with {@code id} into {@code dst}.
     *
     * @return the number of bytes copied, or -1 if absent
     * @throws IllegalArgumentException if {@code dst} is too small
     */
    public int extension(int id, byte[] dst, int dstOff) {
        long found = find(id);
        if (found < 0) {
            return -1;
        }
        int at = (int) (found >>> 16);
        int n = (int) (found & 0xFFFF);
        Bytes.checkRoom(dst, dstOff, n);
        System.arraycopy(buf, at, dst, dstOff, n);
        return n;
    }

    /** Absolute offset of the data of element {@code id}, or -1 if absent; allocation-free. */
    public int extensionOffset(int id) {
        long found = find(id);
        return found < 0 ? -1 : (int) (found >>> 16);
    }

    /** Data length of element {@code id}, or -1 if absent. */
    public int extensionLength(int id) {
        long found = find(id);
        return found < 0 ? -1 : (int) (found & 0xFFFF);
    }

    /** (offset << 16 | length) of the element, or -1; one scan for offset and length. */
    long find(int id) {
        checkWrapped();
        if (extProfile == RtpHeader.NO_EXTENSION || !RtpHeader.isRfc8285(extProfile)) {
            return -1;
        }
        boolean oneByte = extProfile == RtpHeader.ONE_BYTE_PROFILE;
        int p = extOff;
        int end = extOff + extLen;
        while (p < end) {
            int h = buf[p] & 0xFF;
            if (oneByte ? (h >>> 4) == 0 : h == 0) { // padding
                p++;
                continue;
            }
            int eid;
            int n;
            if (oneByte) {
                eid = h >>> 4;
                if (eid == 15) {
                    return -1;
                }
                n = (h & 0x0F) + 1;
                p++;
            } else {
                if (p + 1 >= end) { // reachable only after wrapHeader: elements are unchecked there
                    return -1;
                }
                eid = h;
                n = buf[p + 1] & 0xFF;
                p += 2;
            }
            if (n > end - p) { // ditto
                return -1;
            }
            if (eid == id) {
                return ((long) p << 16) | n;
            }
            p += n;
        }
        return -1;
    }

    /** Copies the RFC 8285 elements (allocates; not for hot paths). */
    public List<RtpExtension> extensions() {
        checkWrapped();
        List<RtpExtension> list = new ArrayList<>();
        if (!RtpHeader.isRfc8285(extProfile)) {
            return list;
        }
        boolean oneByte = extProfile == RtpHeader.ONE_BYTE_PROFILE;
        int p = extOff;
        int end = extOff + extLen;
        while (p < end) {
            int h = buf[p] & 0xFF;
            if (oneByte ? (h >>> 4) == 0 : h == 0) { // padding
                p++;
                continue;
            }
            int eid;
            int n;
            if (oneByte) {
                eid = h >>> 4;
                if (eid == 15) {
                    break;
                }
                n = (h & 0x0F) + 1;
                p++;
            } else {
                if (p + 1 >= end) { // only after wrapHeader (unchecked elements): keep the valid prefix
                    break;
                }
                eid = h;
                n = buf[p + 1] & 0xFF;
                p += 2;
            }
            if (n > end - p) {
                break;
            }
            byte[] data = new byte[n];
            System.arraycopy(buf, p, data, 0, n);
            list.add(new RtpExtension(eid, data));
            p += n;
        }
        return list;
    }

    /** Copies the header into a record (allocates). */
    public RtpHeader toHeader() {
        checkWrapped();
        List<Long> csrcs = new ArrayList<>(csrcCount);
        for (int i = 0; i < csrcCount; i++) {
            csrcs.add(csrc(i));
        }
        byte[] raw = new byte[0];
        List<RtpExtension> ext = List.of();
        if (extProfile != RtpHeader.NO_EXTENSION) {
            if (RtpHeader.isRfc8285(extProfile)) {
                ext = extensions();
            } else {
                raw = new byte[extLen];
                System.arraycopy(buf, extOff, raw, 0, extLen);
            }
        }
        return new RtpHeader(marker(), payloadType(), sequenceNumber(), timestamp(), ssrc(), csrcs,
                extProfile, ext, raw);
    }

    /** Copies the payload (allocates). */
    public byte[] payload() {
        checkWrapped();
        byte[] p = new byte[payloadLen];
        System.arraycopy(buf, payloadOff, p, 0, payloadLen);
        return p;
    }

    // In-place rewrites (forwarding, RTX, SSRC rewriting); fields stay where they are.

    public void setSequenceNumber(int seq) {
        checkWrapped();
        Bytes.put16(buf, off + 2, seq);
    }

    public void setTimestamp(long ts) {
        checkWrapped();
        Bytes.put32(buf, off + 4, ts);
    }

    public void setSsrc(long ssrc) {
        checkWrapped();
        Bytes.put32(buf, off + 8, ssrc);
    }

    public void setPayloadType(int pt) {
        checkWrapped();
        if (pt < 0 || pt > 127) {
            throw new IllegalArgumentException("payload type " + pt);
        }
        buf[off + 1] = (byte) ((buf[off + 1] & 0x80) | pt);
    }

    public void setMarker(boolean m) {
        checkWrapped();
        buf[off + 1] = (byte) ((buf[off + 1] & 0x7F) | (m ? 0x80 : 0));
    }
}
