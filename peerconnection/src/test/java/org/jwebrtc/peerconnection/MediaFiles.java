package org.jwebrtc.peerconnection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jwebrtc.rtp.codec.AnnexB;
import org.jwebrtc.testsupport.SharedFiles;

/**
 * Reading the shared media samples into frames (IVF, Ogg Opus, H.264 Annex-B access units) and writing received
 * frames back into files a decoder can check (IVF, Ogg Opus with RFC 7845 headers, Annex-B).
 */
final class MediaFiles {
    private MediaFiles() {
    }

    static List<byte[]> vp8Frames() {
        return ivfFrames(SharedFiles.bytes(SharedFiles.vectors("media", "vp8", "vp8_correct.ivf")));
    }

    static List<byte[]> ivfFrames(byte[] f) {
        int headerLen = (f[6] & 0xFF) | (f[7] & 0xFF) << 8;
        List<byte[]> out = new ArrayList<>();
        for (int p = headerLen; p + 12 <= f.length; ) {
            int size = le32(f, p);
            out.add(java.util.Arrays.copyOfRange(f, p + 12, p + 12 + size));
            p += 12 + size;
        }
        return out;
    }

    /** The Opus packets of an Ogg stream, without the OpusHead and OpusTags packets (RFC 7845 §3). */
    static List<byte[]> opusPackets() {
        List<byte[]> all = oggPackets(SharedFiles.bytes(SharedFiles.vectors("media", "opus", "opus_correct.ogg")));
        return all.subList(2, all.size());
    }

    static List<byte[]> oggPackets(byte[] f) {
        List<byte[]> out = new ArrayList<>();
        ByteArrayOutputStream current = new ByteArrayOutputStream();
        for (int p = 0; p + 27 <= f.length; ) {
            int segments = f[p + 26] & 0xFF;
            int data = p + 27 + segments;
            for (int i = 0; i < segments; i++) {
                int len = f[p + 27 + i] & 0xFF;
                current.write(f, data, len);
                data += len;
                if (len < 255) {
                    out.add(current.toByteArray());
                    current.reset();
                }
            }
            p = data;
        }
        return out;
    }

    /** H.264 access units (Annex-B, 4-byte start codes) of the 320x180 sample (ITU-T H.264 §7.4.1.2.3). */
    static List<byte[]> h264AccessUnits() {
        return accessUnits(SharedFiles.bytes(SharedFiles.vectors("media", "h264", "input-10-320x180.h264")));
    }

    static List<byte[]> accessUnits(byte[] stream) {
        List<byte[]> aus = new ArrayList<>();
        List<byte[]> cur = new ArrayList<>();
        boolean hasVcl = false;
        for (byte[] nal : AnnexB.split(stream)) {
            if (nal.length == 0) {
                continue;
            }
            int type = nal[0] & 0x1F;
            boolean vcl = type == 1 || type == 5;
            boolean firstSlice = vcl && nal.length > 1 && (nal[1] & 0x80) != 0;   // first_mb_in_slice = 0
            boolean startsNew = (type == 9 || type == 7 || type == 8 || type == 6 || firstSlice) && hasVcl;
            if (startsNew) {
                aus.add(AnnexB.join(cur));
                cur = new ArrayList<>();
                hasVcl = false;
            }
            cur.add(nal);
            hasVcl |= vcl;
        }
        if (!cur.isEmpty()) {
            aus.add(AnnexB.join(cur));
        }
        return aus;
    }

    /**
     * An IVF file (32-byte header, 12-byte frame headers). The pts is the frame index in a 1/30 s time base, as
     * libvpx writes it: with the 90 kHz RTP time as pts, ffmpeg's frame-rate guess made two frames share an output
     * timestamp ("non monotonically increasing dts") when the camera's rate varied.
     */
    static void writeIvf(OutputStream out, String fourcc, List<EncodedFrame> frames) throws IOException {
        int width = 0;
        int height = 0;
        for (EncodedFrame fr : frames) {
            byte[] d = fr.data();
            // VP8 key frame: 3-byte tag, start code 9d 01 2a, then 14-bit width and height (RFC 6386 §9.1)
            if (fourcc.equals("VP80") && d.length > 10 && (d[0] & 1) == 0 && (d[3] & 0xFF) == 0x9d) {
                width = ((d[6] & 0xFF) | (d[7] & 0xFF) << 8) & 0x3FFF;
                height = ((d[8] & 0xFF) | (d[9] & 0xFF) << 8) & 0x3FFF;
                break;
            }
        }
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        h.writeBytes("DKIF".getBytes(StandardCharsets.US_ASCII));
        le16(h, 0);
        le16(h, 32);
        h.writeBytes(fourcc.getBytes(StandardCharsets.US_ASCII));
        le16(h, width);
        le16(h, height);
        le32(h, 30);
        le32(h, 1);
        le32(h, frames.size());
        le32(h, 0);
        out.write(h.toByteArray());
        long pts = 0;
        for (EncodedFrame fr : frames) {
            ByteArrayOutputStream fh = new ByteArrayOutputStream();
            le32(fh, fr.data().length);
            le32(fh, (int) pts);
            le32(fh, (int) (pts >>> 32));
            out.write(fh.toByteArray());
            out.write(fr.data());
            pts++;
        }
    }

    /** Ogg Opus (RFC 7845): OpusHead and OpusTags pages, then one packet per page with its granule position. */
    static void writeOggOpus(OutputStream out, List<EncodedFrame> packets) throws IOException {
        int serial = 0x4a617661;
        int page = 0;
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.writeBytes("OpusHead".getBytes(StandardCharsets.US_ASCII));
        head.write(1);
        head.write(2);
        le16(head, 312);
        le32(head, 48_000);
        le16(head, 0);
        head.write(0);
        out.write(oggPage(head.toByteArray(), 0x02, 0, serial, page++));
        ByteArrayOutputStream tags = new ByteArrayOutputStream();
        tags.writeBytes("OpusTags".getBytes(StandardCharsets.US_ASCII));
        byte[] vendor = "jwebrtc".getBytes(StandardCharsets.US_ASCII);
        le32(tags, vendor.length);
        tags.writeBytes(vendor);
        le32(tags, 0);
        out.write(oggPage(tags.toByteArray(), 0, 0, serial, page++));
        long granule = 312;
        for (int i = 0; i < packets.size(); i++) {
            byte[] p = packets.get(i).data();
            granule += opusSamples(p);
            out.write(oggPage(p, i == packets.size() - 1 ? 0x04 : 0, granule, serial, page++));
        }
    }

    /** Samples (48 kHz) in one Opus packet from its TOC byte (RFC 6716 §3.1). */
    static int opusSamples(byte[] p) {
        if (p.length == 0) {
            return 0;
        }
        int config = (p[0] & 0xFF) >> 3;
        int perFrame;
        if (config < 12) {
            perFrame = new int[] {480, 960, 1920, 2880}[config % 4];
        } else if (config < 16) {
            perFrame = config % 2 == 0 ? 480 : 960;
        } else {
            perFrame = new int[] {120, 240, 480, 960}[config % 4];
        }
        int c = p[0] & 3;
        int frames = c == 0 ? 1 : c < 3 ? 2 : p.length > 1 ? p[1] & 0x3F : 0;
        return perFrame * frames;
    }

    static byte[] oggPage(byte[] packet, int flags, long granule, int serial, int sequence) {
        int segments = packet.length / 255 + 1;
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("OggS".getBytes(StandardCharsets.US_ASCII));
        b.write(0);
        b.write(flags);
        for (int i = 0; i < 8; i++) {
            b.write((int) (granule >>> (8 * i)));
        }
        le32(b, serial);
        le32(b, sequence);
        le32(b, 0);   // CRC, filled below
        b.write(segments);
        for (int i = 0; i < segments - 1; i++) {
            b.write(255);
        }
        b.write(packet.length % 255);
        b.writeBytes(packet);
        byte[] page = b.toByteArray();
        int crc = oggCrc(page);
        page[22] = (byte) crc;
        page[23] = (byte) (crc >>> 8);
        page[24] = (byte) (crc >>> 16);
        page[25] = (byte) (crc >>> 24);
        return page;
    }

    /** Ogg's CRC-32: polynomial 0x04C11DB7, not reflected, initial value 0 (RFC 3533 §6). */
    static int oggCrc(byte[] data) {
        int crc = 0;
        for (byte x : data) {
            crc ^= (x & 0xFF) << 24;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
            }
        }
        return crc;
    }

    private static int le32(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | (b[p + 3] & 0xFF) << 24;
    }

    private static void le16(ByteArrayOutputStream o, int v) {
        o.write(v);
        o.write(v >>> 8);
    }

    private static void le32(ByteArrayOutputStream o, int v) {
        le16(o, v);
        le16(o, v >>> 16);
    }
}
