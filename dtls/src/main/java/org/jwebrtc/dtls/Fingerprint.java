package org.jwebrtc.dtls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * A certificate fingerprint as carried in SDP {@code a=fingerprint} (RFC 8122 §5): a hash function
 * name and the digest of the DER certificate. WebRTC uses sha-256 (RFC 8827 §6.5); sha-1, sha-224,
 * sha-384 and sha-512 are accepted from peers. md5/md2 are refused (RFC 8122 §5 keeps them only
 * for backwards compatibility; they give no security).
 */
public record Fingerprint(String hashFunction, byte[] value) {

    public Fingerprint {
        Objects.requireNonNull(hashFunction, "hashFunction");
        Objects.requireNonNull(value, "value");
        hashFunction = hashFunction.toLowerCase(Locale.ROOT);
        int expected = digestLength(hashFunction);
        if (expected < 0) {
            throw new IllegalArgumentException("unsupported fingerprint hash function " + hashFunction);
        }
        if (value.length != expected) {
            throw new IllegalArgumentException(hashFunction + " fingerprint must be " + expected
                    + " bytes, got " + value.length);
        }
        value = value.clone();
    }

    /** Digest of a DER-encoded certificate with {@code hashFunction} ("sha-256", ...). */
    public static Fingerprint of(String hashFunction, byte[] certificateDer) {
        String h = hashFunction.toLowerCase(Locale.ROOT);
        return new Fingerprint(h, digest(h, certificateDer));
    }

    /**
     * Parses the attribute value, e.g. {@code "sha-256 AB:CD:..."} (RFC 8122 §5). Hex digits of
     * either case and a case-insensitive hash name are accepted.
     */
    public static Fingerprint parse(String sdpValue) throws DtlsException {
        if (sdpValue == null) {
            throw new DtlsException("fingerprint is null", 0);
        }
        int sp = sdpValue.indexOf(' ');
        if (sp <= 0) {
            throw new DtlsException("fingerprint needs 'hash-func SP fingerprint'", Math.max(sp, 0));
        }
        String hash = sdpValue.substring(0, sp).toLowerCase(Locale.ROOT);
        int expected = digestLength(hash);
        if (expected < 0) {
            throw new DtlsException("unsupported fingerprint hash function '" + hash + "'", 0);
        }
        int start = sp + 1;
        int len = sdpValue.length() - start;
        if (len != expected * 3 - 1) {
            throw new DtlsException(hash + " fingerprint needs " + expected + " colon-separated bytes", start);
        }
        byte[] out = new byte[expected];
        for (int i = 0; i < expected; i++) {
            int p = start + 3 * i;
            int hi = hexDigit(sdpValue.charAt(p));
            int lo = hexDigit(sdpValue.charAt(p + 1));
            if (hi < 0 || lo < 0) {
                throw new DtlsException("fingerprint byte is not two hex digits", hi < 0 ? p : p + 1);
            }
            if (i + 1 < expected && sdpValue.charAt(p + 2) != ':') {
                throw new DtlsException("fingerprint bytes must be separated by ':'", p + 2);
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return new Fingerprint(hash, out);
    }

    /** The SDP form: hash name, space, upper-case colon-separated hex (RFC 8122 §5). */
    public String toSdp() {
        StringBuilder sb = new StringBuilder(hashFunction.length() + 1 + value.length * 3);
        sb.append(hashFunction).append(' ');
        for (int i = 0; i < value.length; i++) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(Character.toUpperCase(Character.forDigit((value[i] >> 4) & 0xF, 16)));
            sb.append(Character.toUpperCase(Character.forDigit(value[i] & 0xF, 16)));
        }
        return sb.toString();
    }

    /** True if {@code certificateDer} hashes to this fingerprint (constant time compare). */
    public boolean matches(byte[] certificateDer) {
        return MessageDigest.isEqual(value, digest(hashFunction, certificateDer));
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprint f && hashFunction.equals(f.hashFunction)
                && Arrays.equals(value, f.value);
    }

    @Override
    public int hashCode() {
        return 31 * hashFunction.hashCode() + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return toSdp();
    }

    /** ASCII hex only (RFC 8122 §5 UHEX); Character.digit would also take other scripts' digits. */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    private static int digestLength(String hash) {
        return switch (hash) {
            case "sha-1" -> 20;
            case "sha-224" -> 28;
            case "sha-256" -> 32;
            case "sha-384" -> 48;
            case "sha-512" -> 64;
            default -> -1;
        };
    }

    private static byte[] digest(String hash, byte[] der) {
        String jca = switch (hash) {
            case "sha-1" -> "SHA-1";
            case "sha-224" -> "SHA-224";
            case "sha-256" -> "SHA-256";
            case "sha-384" -> "SHA-384";
            case "sha-512" -> "SHA-512";
            default -> throw new IllegalArgumentException("unsupported fingerprint hash function " + hash);
        };
        try {
            return MessageDigest.getInstance(jca).digest(der);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has " + jca, e);
        }
    }
}
