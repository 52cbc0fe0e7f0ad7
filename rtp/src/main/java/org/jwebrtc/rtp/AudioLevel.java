package org.jwebrtc.rtp;

/**
 * Client-to-mixer audio level (RFC 6464 §3): the V (voice activity) flag and the level in -dBov,
 * 0 (loudest) to 127 (silence), in one data byte.
 */
public record AudioLevel(boolean voiceActivity, int level) {
    public static final String URI = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";

    public AudioLevel {
        if (level < 0 || level > 127) {
            throw new IllegalArgumentException("audio level " + level + " outside 0..127 -dBov");
        }
    }

    /** The single data byte: V in the top bit, level in the low 7 bits. */
    public int toByte() {
        return (voiceActivity ? 0x80 : 0) | level;
    }

    public static AudioLevel fromByte(int b) {
        return new AudioLevel((b & 0x80) != 0, b & 0x7F);
    }

    public RtpExtension toExtension(int id) {
        return new RtpExtension(id, new byte[] {(byte) toByte()});
    }

    /** RFC 6464 §3: the one-byte form carries 1 byte; senders may pad to more, the first byte counts. */
    public static AudioLevel parse(byte[] data, int off, int len) throws RtpException {
        if (len < 1) {
            throw new RtpException("audio level extension is empty", off);
        }
        return fromByte(data[off] & 0xFF);
    }
}
