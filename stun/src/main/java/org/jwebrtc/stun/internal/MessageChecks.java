package org.jwebrtc.stun.internal;

import java.util.zip.CRC32;

/**
 * MESSAGE-INTEGRITY(-SHA256) and FINGERPRINT over a message in a caller buffer, without
 * allocating and without modifying the buffer. Not thread-safe; {@link #get()} gives one per thread.
 */
public final class MessageChecks {
    private static final ThreadLocal<MessageChecks> PER_THREAD = ThreadLocal.withInitial(MessageChecks::new);

    private final Hmac sha1 = Hmac.sha1();
    private final Hmac sha256 = Hmac.sha256();
    private final CRC32 crc = new CRC32();
    private final byte[] lengthField = new byte[2];

    public static MessageChecks get() {
        return PER_THREAD.get();
    }

    /**
     * HMAC over the header and the attributes before the integrity attribute at {@code attrOff}
     * (absolute), with the header length adjusted to end after that attribute (RFC 8489 §14.5,
     * §14.6). Returns the internal MAC array.
     */
    public byte[] integrity(boolean useSha256, byte[] key, byte[] buf, int msgOff, int attrOff,
                            int valueLength) {
        Hmac h = useSha256 ? sha256 : sha1;
        h.init(key);
        h.start();
        int adjusted = attrOff - msgOff - 20 + 4 + valueLength;
        Bytes.put16(lengthField, 0, adjusted);
        h.update(buf, msgOff, 2);
        h.update(lengthField, 0, 2);
        h.update(buf, msgOff + 4, attrOff - msgOff - 4);
        return h.finish();
    }

    /** Constant-time comparison of the received MAC at {@code valueOff} (RFC 8489 §9.1.3). */
    public boolean verifyIntegrity(boolean useSha256, byte[] key, byte[] buf, int msgOff, int attrOff,
                                   int valueLength) {
        byte[] mac = integrity(useSha256, key, buf, msgOff, attrOff, valueLength);
        int valueOff = attrOff + 4;
        int diff = 0;
        for (int i = 0; i < valueLength; i++) {
            diff |= mac[i] ^ buf[valueOff + i];
        }
        return diff == 0;
    }

    /** CRC-32 of everything before the FINGERPRINT attribute at {@code attrOff}, XOR (§14.7). */
    public long fingerprint(byte[] buf, int msgOff, int attrOff) {
        crc.reset();
        crc.update(buf, msgOff, attrOff - msgOff);
        return (crc.getValue() ^ 0x5354554eL) & 0xFFFF_FFFFL;
    }
}
