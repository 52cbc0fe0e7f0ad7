package org.jwebrtc.rtp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jwebrtc.rtp.internal.Bytes;

/**
 * The RTP fixed header, CSRC list and header extension (RFC 3550 §5.1, §5.3.1; RFC 8285).
 *
 * <p>{@code extensionProfile} is {@link #NO_EXTENSION}, {@link #ONE_BYTE_PROFILE} (0xBEDE),
 * {@code 0x1000..0x100F} (two-byte form, low 4 bits = appbits), or any other 16-bit value for a
 * non-RFC 8285 extension whose words are kept raw in {@code extensionData}. Padding (the P bit) is a
 * property of the packet, see {@link RtpPacket}. Unsigned 32-bit fields are {@code long}.
 */
public record RtpHeader(boolean marker, int payloadType, int sequenceNumber, long timestamp, long ssrc,
                        List<Long> csrcs, int extensionProfile, List<RtpExtension> extensions,
                        byte[] extensionData) {
    public static final int NO_EXTENSION = -1;
    public static final int ONE_BYTE_PROFILE = 0xBEDE;
    public static final int TWO_BYTE_PROFILE = 0x1000;
    /** Fixed header size (RFC 3550 §5.1). */
    public static final int FIXED_LENGTH = 12;

    public RtpHeader {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type " + payloadType + " outside 0..127");
        }
        if (sequenceNumber < 0 || sequenceNumber > 0xFFFF) {
            throw new IllegalArgumentException("sequence number " + sequenceNumber + " outside 0..65535");
        }
        checkU32("timestamp", timestamp);
        checkU32("ssrc", ssrc);
        csrcs = List.copyOf(csrcs);
        if (csrcs.size() > 15) {
            throw new IllegalArgumentException(csrcs.size() + " CSRCs exceed 15 (RFC 3550 §5.1 CC)");
        }
        for (Long c : csrcs) {
            checkU32("csrc", c);
        }
        extensions = List.copyOf(extensions);
        extensionData = extensionData.clone();
        if (extensionProfile == NO_EXTENSION) {
            if (!extensions.isEmpty() || extensionData.length != 0) {
                throw new IllegalArgumentException("extensions given without an extension profile");
            }
        } else if (extensionProfile < 0 || extensionProfile > 0xFFFF) {
            throw new IllegalArgumentException("extension profile " + extensionProfile + " not 16-bit");
        } else if (isRfc8285(extensionProfile)) {
            if (extensionData.length != 0) {
                throw new IllegalArgumentException("RFC 8285 profile carries elements, not raw data");
            }
            boolean oneByte = extensionProfile == ONE_BYTE_PROFILE;
            for (RtpExtension e : extensions) {
                if (oneByte && !e.fitsOneByte()) {
                    throw new IllegalArgumentException(e + " does not fit the one-byte form (RFC 8285 §4.2)");
                }
            }
            if (elementsLength(extensionProfile, extensions) > 0xFFFF * 4) {
                throw new IllegalArgumentException("header extension too long");
            }
        } else {
            if (!extensions.isEmpty()) {
                throw new IllegalArgumentException("profile 0x" + Integer.toHexString(extensionProfile)
                        + " is not RFC 8285; use extensionData");
            }
            if (extensionData.length % 4 != 0 || extensionData.length > 0xFFFF * 4) {
                throw new IllegalArgumentException("raw extension data must be whole 32-bit words");
            }
        }
    }

    /** A header without CSRCs or extensions. */
    public static RtpHeader of(int payloadType, int sequenceNumber, long timestamp, long ssrc) {
        return new RtpHeader(false, payloadType, sequenceNumber, timestamp, ssrc, List.of(),
                NO_EXTENSION, List.of(), new byte[0]);
    }

    /** Parses the header of an RTP packet (copies). */
    public static RtpHeader parse(byte[] buf, int off, int len) throws RtpException {
        return new RtpView().wrap(buf, off, len).toHeader();
    }

    public static boolean isRfc8285(int profile) {
        return profile == ONE_BYTE_PROFILE || (profile & 0xFFF0) == TWO_BYTE_PROFILE;
    }

    public RtpHeader withMarker(boolean m) {
        return new RtpHeader(m, payloadType, sequenceNumber, timestamp, ssrc, csrcs, extensionProfile,
                extensions, extensionData);
    }

    public RtpHeader withSequenceNumber(int seq) {
        return new RtpHeader(marker, payloadType, seq, timestamp, ssrc, csrcs, extensionProfile,
                extensions, extensionData);
    }

    public RtpHeader withTimestamp(long ts) {
        return new RtpHeader(marker, payloadType, sequenceNumber, ts, ssrc, csrcs, extensionProfile,
                extensions, extensionData);
    }

    public RtpHeader withCsrcs(List<Long> list) {
        return new RtpHeader(marker, payloadType, sequenceNumber, timestamp, ssrc, list, extensionProfile,
                extensions, extensionData);
    }

    /**
     * Replaces the RFC 8285 elements, choosing the one-byte form when every element fits it and the
     * two-byte form otherwise (RFC 8285 §4.1.2); an empty list removes the extension.
     */
    public RtpHeader withExtensions(List<RtpExtension> list) {
        int profile = list.isEmpty() ? NO_EXTENSION
                : list.stream().allMatch(RtpExtension::fitsOneByte) ? ONE_BYTE_PROFILE : TWO_BYTE_PROFILE;
        return new RtpHeader(marker, payloadType, sequenceNumber, timestamp, ssrc, csrcs, profile, list,
                new byte[0]);
    }

    /** Adds (or replaces) one element, keeping the others. */
    public RtpHeader withExtension(RtpExtension e) {
        List<RtpExtension> list = new ArrayList<>(extensions.size() + 1);
        for (RtpExtension x : extensions) {
            if (x.id() != e.id()) {
                list.add(x);
            }
        }
        list.add(e);
        return withExtensions(list);
    }

    /** The first element with this id. */
    public Optional<RtpExtension> extension(int id) {
        for (RtpExtension e : extensions) {
            if (e.id() == id) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    @Override
    public byte[] extensionData() {
        return extensionData.clone();
    }

    public int encodedLength() {
        int n = FIXED_LENGTH + 4 * csrcs.size();
        if (extensionProfile != NO_EXTENSION) {
            n += 4 + extensionBodyLength();
        }
        return n;
    }

    private int extensionBodyLength() {
        if (!isRfc8285(extensionProfile)) {
            return extensionData.length;
        }
        return (elementsLength(extensionProfile, extensions) + 3) & ~3;
    }

    private static int elementsLength(int profile, List<RtpExtension> list) {
        int per = profile == ONE_BYTE_PROFILE ? 1 : 2;
        int n = 0;
        for (int i = 0; i < list.size(); i++) {
            n += per + list.get(i).length();
        }
        return n;
    }

    /** Writes the header with P=0; returns the bytes written. */
    public int encode(byte[] dst, int off) {
        int total = encodedLength();
        Bytes.checkRoom(dst, off, total);
        boolean x = extensionProfile != NO_EXTENSION;
        dst[off] = (byte) (0x80 | (x ? 0x10 : 0) | csrcs.size());
        dst[off + 1] = (byte) ((marker ? 0x80 : 0) | payloadType);
        Bytes.put16(dst, off + 2, sequenceNumber);
        Bytes.put32(dst, off + 4, timestamp);
        Bytes.put32(dst, off + 8, ssrc);
        int p = off + FIXED_LENGTH;
        for (int i = 0; i < csrcs.size(); i++) { // indexed: no iterator on the send path
            Bytes.put32(dst, p, csrcs.get(i));
            p += 4;
        }
        if (x) {
            int body = extensionBodyLength();
            Bytes.put16(dst, p, extensionProfile);
            Bytes.put16(dst, p + 2, body / 4);
            p += 4;
            int end = p + body;
            if (!isRfc8285(extensionProfile)) {
                System.arraycopy(extensionData, 0, dst, p, extensionData.length);
                p = end;
            } else {
                boolean oneByte = extensionProfile == ONE_BYTE_PROFILE;
                for (int i = 0; i < extensions.size(); i++) {
                    RtpExtension e = extensions.get(i);
                    if (oneByte) {
                        dst[p++] = (byte) ((e.id() << 4) | (e.length() - 1));
                    } else {
                        dst[p++] = (byte) e.id();
                        dst[p++] = (byte) e.length();
                    }
                    e.copyTo(dst, p);
                    p += e.length();
                }
                while (p < end) {
                    dst[p++] = 0; // RFC 8285 §4.1.1 padding
                }
            }
        }
        return p - off;
    }

    public byte[] toBytes() {
        byte[] b = new byte[encodedLength()];
        encode(b, 0);
        return b;
    }

    private static void checkU32(String what, long v) {
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(what + " " + v + " is not an unsigned 32-bit value");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RtpHeader h && h.marker == marker && h.payloadType == payloadType
                && h.sequenceNumber == sequenceNumber && h.timestamp == timestamp && h.ssrc == ssrc
                && h.csrcs.equals(csrcs) && h.extensionProfile == extensionProfile
                && h.extensions.equals(extensions) && Arrays.equals(h.extensionData, extensionData);
    }

    @Override
    public int hashCode() {
        int h = Boolean.hashCode(marker);
        h = 31 * h + payloadType;
        h = 31 * h + sequenceNumber;
        h = 31 * h + Long.hashCode(timestamp);
        h = 31 * h + Long.hashCode(ssrc);
        h = 31 * h + csrcs.hashCode();
        h = 31 * h + extensionProfile;
        h = 31 * h + extensions.hashCode();
        return 31 * h + Arrays.hashCode(extensionData);
    }

    @Override
    public String toString() {
        return "RtpHeader[pt=" + payloadType + ", seq=" + sequenceNumber + ", ts=" + timestamp + ", ssrc="
                + ssrc + ", marker=" + marker + ", csrcs=" + csrcs + ", profile=0x"
                + Integer.toHexString(extensionProfile) + ", extensions=" + extensions + ", data="
                + extensionData.length + "B]";
    }
}
