package org.jwebrtc.fuzz.srtp;

import org.jwebrtc.srtp.SrtpContext;
import org.jwebrtc.srtp.SrtpProfile;

/** The fuzz targets' SRTP keys, for the seed writer (valid packets reach the success path). */
public final class SeedKeys {
    private SeedKeys() {}

    public static SrtpContext context(SrtpProfile p) {
        return Keys.context(p);
    }
}
