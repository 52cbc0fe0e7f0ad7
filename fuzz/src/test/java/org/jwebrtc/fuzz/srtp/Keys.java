package org.jwebrtc.fuzz.srtp;

import java.util.HexFormat;
import org.jwebrtc.srtp.SrtpContext;
import org.jwebrtc.srtp.SrtpProfile;

/** Fixed master keys per profile (the RFC 3711 B.3 / RFC 7714 §16 key and salt, cut or repeated). */
final class Keys {
    private static final byte[] KEY = HexFormat.of().parseHex(
            "e1f97a0d3e018be0d64fa32c06de4139" + "000102030405060708090a0b0c0d0e0f");
    private static final byte[] SALT = HexFormat.of().parseHex("0ec675ad498afeebb6960b3aabe6");

    private Keys() {}

    static SrtpProfile profile(int selector) {
        SrtpProfile[] all = SrtpProfile.values();
        return all[Math.floorMod(selector, all.length)];
    }

    static SrtpContext context(SrtpProfile p) {
        byte[] key = java.util.Arrays.copyOf(KEY, p.keyLength());
        byte[] salt = java.util.Arrays.copyOf(SALT, p.saltLength());
        return SrtpContext.create(p, key, salt);
    }
}
