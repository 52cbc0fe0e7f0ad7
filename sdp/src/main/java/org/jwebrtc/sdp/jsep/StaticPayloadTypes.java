package org.jwebrtc.sdp.jsep;

/** RFC 3551 §6 static payload types that may appear on an m= line without rtpmap. */
final class StaticPayloadTypes {
    private StaticPayloadTypes() {}

    static Codec lookup(int pt) {
        switch (pt) {
            case 0: return Codec.of(0, "PCMU", 8000);
            case 3: return Codec.of(3, "GSM", 8000);
            case 4: return Codec.of(4, "G723", 8000);
            case 8: return Codec.of(8, "PCMA", 8000);
            case 9: return Codec.of(9, "G722", 8000);
            case 13: return Codec.of(13, "CN", 8000);
            case 18: return Codec.of(18, "G729", 8000);
            case 26: return Codec.of(26, "JPEG", 90000);
            case 31: return Codec.of(31, "H261", 90000);
            case 32: return Codec.of(32, "MPV", 90000);
            case 34: return Codec.of(34, "H263", 90000);
            default: return null;
        }
    }
}
