package org.jwebrtc.sdp.jsep;

import java.util.Optional;

/**
 * The {@code profile-level-id} fmtp parameter of H.264 (RFC 6184 §8.1): three octets
 * profile_idc, profile-iop (constraint flags), level_idc, as six hex digits.
 */
public record H264ProfileLevelId(int profileIdc, int profileIop, int levelIdc) {
    /** RFC 6184 §8.1: absent means Baseline profile, no constraints, Level 1 ("42000a"). */
    public static final H264ProfileLevelId DEFAULT = new H264ProfileLevelId(0x42, 0x00, 0x0a);

    public H264ProfileLevelId {
        if ((profileIdc | profileIop | levelIdc) >>> 8 != 0 || profileIdc < 0 || profileIop < 0 || levelIdc < 0) {
            throw new IllegalArgumentException("profile-level-id octets out of range");
        }
    }

    /** Parses six hex digits; empty when malformed. */
    public static Optional<H264ProfileLevelId> parse(String hex) {
        if (hex == null || hex.length() != 6) {
            return Optional.empty();
        }
        int v = 0;
        for (int i = 0; i < 6; i++) {
            int d = Character.digit(hex.charAt(i), 16);
            if (d < 0) {
                return Optional.empty();
            }
            v = (v << 4) | d;
        }
        return Optional.of(new H264ProfileLevelId(v >>> 16, (v >>> 8) & 0xff, v & 0xff));
    }

    /** Baseline, Main and Extended signal Level 1b with constraint_set3_flag (RFC 6184 §8.2.2). */
    private boolean set3IsLevel() {
        return profileIdc == 66 || profileIdc == 77 || profileIdc == 88;
    }

    /**
     * Same profile, i.e. same profile_idc and constraint flags, not counting constraint_set3_flag
     * where it belongs to the level part (RFC 6184 §8.2.2: "the level part ... is changeable").
     */
    public boolean sameProfile(H264ProfileLevelId o) {
        int mask = set3IsLevel() ? ~0x10 & 0xff : 0xff;
        return profileIdc == o.profileIdc && (profileIop & mask) == (o.profileIop & mask);
    }

    /** Level ×10 for ordering; Level 1b (idc 11 + set3 for 66/77/88, or idc 9) sorts between 1 and 1.1. */
    public int levelOrder() {
        if (levelIdc == 9 || (levelIdc == 11 && set3IsLevel() && (profileIop & 0x10) != 0)) {
            return 105;
        }
        return levelIdc * 10;
    }

    /** This profile with the level part of {@code other}. */
    public H264ProfileLevelId withLevelOf(H264ProfileLevelId other) {
        int iop = set3IsLevel() ? (profileIop & ~0x10) | (other.profileIop & 0x10) : profileIop;
        return new H264ProfileLevelId(profileIdc, iop, other.levelIdc);
    }

    public String toHex() {
        return String.format("%02x%02x%02x", profileIdc, profileIop, levelIdc);
    }
}
