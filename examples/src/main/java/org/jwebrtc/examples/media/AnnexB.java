package org.jwebrtc.examples.media;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * H.264 Annex-B byte streams (ITU-T H.264 Annex B): split into NAL units at start codes and group NAL units into
 * access units (one picture each, §7.4.1.2.3: AUD, SPS, PPS, SEI or a slice with first_mb_in_slice = 0 after a
 * slice starts a new one). Access units are handed to senders in Annex-B form again.
 */
public final class AnnexB {
    private static final byte[] START_CODE = {0, 0, 0, 1};

    private AnnexB() {}

    /** NAL units without start codes; trailing zero bytes of a unit belong to the next start code. */
    public static List<byte[]> nalUnits(byte[] stream) {
        List<byte[]> out = new ArrayList<>();
        int start = -1;
        int i = 0;
        while (i + 2 < stream.length) {
            if (stream[i] == 0 && stream[i + 1] == 0 && stream[i + 2] == 1) {
                if (start >= 0) {
                    out.add(trimmed(stream, start, i));
                }
                i += 3;
                start = i;
            } else {
                i++;
            }
        }
        if (start >= 0 && start < stream.length) {
            out.add(trimmed(stream, start, stream.length));
        }
        return out;
    }

    /** Access units in Annex-B form (4-byte start codes). */
    public static List<byte[]> accessUnits(byte[] stream) {
        List<byte[]> units = new ArrayList<>();
        ByteArrayOutputStream current = new ByteArrayOutputStream();
        boolean hasSlice = false;
        for (byte[] nal : nalUnits(stream)) {
            if (nal.length == 0) {
                continue;
            }
            int type = nal[0] & 0x1f;
            boolean slice = type >= 1 && type <= 5;
            boolean firstSliceOfPicture = slice && nal.length > 1 && (nal[1] & 0x80) != 0; // ue(v) == 0
            boolean startsUnit = type == 9 || type == 7 || type == 8 || type == 6 || firstSliceOfPicture;
            if (startsUnit && hasSlice) {
                units.add(current.toByteArray());
                current.reset();
                hasSlice = false;
            }
            current.writeBytes(START_CODE);
            current.writeBytes(nal);
            hasSlice |= slice;
        }
        if (hasSlice) {
            units.add(current.toByteArray());
        }
        return units;
    }

    /** True when the access unit holds an IDR slice (type 5): a decoder can start here. */
    public static boolean isKeyframe(byte[] accessUnit) {
        for (byte[] nal : nalUnits(accessUnit)) {
            if (nal.length > 0 && (nal[0] & 0x1f) == 5) {
                return true;
            }
        }
        return false;
    }

    private static byte[] trimmed(byte[] s, int from, int to) {
        int end = to;
        while (end > from && s[end - 1] == 0) {
            end--;
        }
        byte[] nal = new byte[end - from];
        System.arraycopy(s, from, nal, 0, nal.length);
        return nal;
    }
}
