package org.jwebrtc.sdp;

import java.util.HexFormat;
import java.util.Locale;
import org.jwebrtc.sdp.internal.Check;

/**
 * {@code a=fingerprint:<hash-func> SP <fingerprint>} (RFC 8122 §5): colon-separated upper-case
 * hex of the certificate hash. The DTLS layer must compare the peer certificate against it.
 */
public record Fingerprint(String hashFunction, String fingerprint) implements Attribute {
    public Fingerprint {
        Check.word(hashFunction, "fingerprint hash function");
        Check.word(fingerprint, "fingerprint");
    }

    /** Builds the attribute from raw hash bytes, formatted {@code AB:CD:...} as RFC 8122 §5. */
    public static Fingerprint of(String hashFunction, byte[] hash) {
        if (hash.length == 0) {
            throw new IllegalArgumentException("empty hash");
        }
        return new Fingerprint(hashFunction, HexFormat.ofDelimiter(":").withUpperCase().formatHex(hash));
    }

    /** The hash bytes; IllegalStateException if the text is not colon-separated hex pairs. */
    public byte[] bytes() {
        try {
            return HexFormat.ofDelimiter(":").parseHex(fingerprint);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("fingerprint is not colon-separated hex: " + fingerprint, e);
        }
    }

    /** Hash function names compare case-insensitively (RFC 8122 §5: "sha-256" = "SHA-256"). */
    public boolean matches(String otherHash, byte[] digest) {
        return hashFunction.toLowerCase(Locale.ROOT).equals(otherHash.toLowerCase(Locale.ROOT))
                && java.security.MessageDigest.isEqual(bytes(), digest);
    }

    @Override
    public String attributeName() {
        return "fingerprint";
    }

    @Override
    public void appendTo(StringBuilder sb) {
        sb.append("fingerprint:").append(hashFunction).append(' ').append(fingerprint);
    }
}
