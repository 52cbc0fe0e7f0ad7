package org.jwebrtc.srtp;

import java.util.Arrays;

/** Builds RTP/RTCP packets with room for the SRTP trailer. */
final class TestPackets {
    static final int SPARE = 32;

    private TestPackets() {}

    /** RTP: V=2, {@code csrcs} CSRCs, an RFC 8285 one-byte extension of {@code extWords} words if ≥ 0. */
    static byte[] rtp(int seq, int ssrc, int csrcs, int extWords, byte[] payload) {
        int header = 12 + 4 * csrcs + (extWords >= 0 ? 4 + 4 * extWords : 0);
        byte[] b = new byte[header + payload.length + SPARE];
        b[0] = (byte) (0x80 | (extWords >= 0 ? 0x10 : 0) | csrcs);
        b[1] = 96;
        b[2] = (byte) (seq >>> 8);
        b[3] = (byte) seq;
        b[4] = 0x12;
        b[7] = 0x34;
        b[8] = (byte) (ssrc >>> 24);
        b[9] = (byte) (ssrc >>> 16);
        b[10] = (byte) (ssrc >>> 8);
        b[11] = (byte) ssrc;
        int p = 12;
        for (int i = 0; i < csrcs; i++, p += 4) {
            b[p + 3] = (byte) (i + 1);
        }
        if (extWords >= 0) {
            b[p] = (byte) 0xbe;
            b[p + 1] = (byte) 0xde;
            b[p + 2] = (byte) (extWords >>> 8);
            b[p + 3] = (byte) extWords;
            p += 4;
            for (int i = 0; i < 4 * extWords; i++) {
                b[p++] = (byte) (0x40 + i);
            }
        }
        System.arraycopy(payload, 0, b, p, payload.length);
        return b;
    }

    static int rtpLength(byte[] packet) {
        return packet.length - SPARE;
    }

    /** RTCP: a receiver report header from {@code ssrc} followed by {@code body}. */
    static byte[] rtcp(int ssrc, byte[] body) {
        byte[] b = new byte[8 + body.length + SPARE];
        b[0] = (byte) 0x80;
        b[1] = (byte) 201;
        int words = (8 + body.length) / 4 - 1;
        b[2] = (byte) (words >>> 8);
        b[3] = (byte) words;
        b[4] = (byte) (ssrc >>> 24);
        b[5] = (byte) (ssrc >>> 16);
        b[6] = (byte) (ssrc >>> 8);
        b[7] = (byte) ssrc;
        System.arraycopy(body, 0, b, 8, body.length);
        return b;
    }

    static byte[] copy(byte[] b, int len) {
        return Arrays.copyOf(b, len);
    }

    static byte[] masterKey(SrtpProfile p, int seed) {
        byte[] k = new byte[p.keyLength()];
        for (int i = 0; i < k.length; i++) {
            k[i] = (byte) (seed * 31 + i * 7);
        }
        return k;
    }

    static byte[] masterSalt(SrtpProfile p, int seed) {
        byte[] s = new byte[p.saltLength()];
        for (int i = 0; i < s.length; i++) {
            s[i] = (byte) (seed * 17 + i * 13 + 1);
        }
        return s;
    }

    static SrtpContext context(SrtpProfile p) {
        return SrtpContext.create(p, masterKey(p, 1), masterSalt(p, 1));
    }

    static SrtpContext context(SrtpProfile p, SrtpOptions o) {
        return SrtpContext.create(p, masterKey(p, 1), masterSalt(p, 1), o);
    }
}
