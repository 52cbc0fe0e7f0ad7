package org.jwebrtc.fuzz.codec;

import java.util.List;

/** The depacketizer input framing ({@link Payloads}) for the seed writer. */
public final class SeedFraming {
    private SeedFraming() {}

    public static byte[] join(List<byte[]> payloads) {
        return Payloads.join(payloads);
    }
}
