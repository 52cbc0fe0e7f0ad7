package org.jwebrtc.stun;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * PASSWORD-ALGORITHM (RFC 8489 §14.12), also one entry of {@link PasswordAlgorithms}: algorithm
 * number (§18.5: 1 = MD5, 2 = SHA-256) and its parameters (none for both).
 */
public record PasswordAlgorithm(int algorithm, byte[] parameters) implements StunAttribute {
    public static final int MD5 = 0x0001;
    public static final int SHA256 = 0x0002;

    public PasswordAlgorithm {
        if (algorithm < 0 || algorithm > 0xFFFF) {
            throw new IllegalArgumentException("algorithm out of range: " + algorithm);
        }
        if (parameters.length > 0xFFFF - 8) {
            throw new IllegalArgumentException("parameters too long");
        }
        parameters = parameters.clone();
    }

    public static PasswordAlgorithm of(int algorithm) {
        return new PasswordAlgorithm(algorithm, new byte[0]);
    }

    @Override
    public byte[] parameters() {
        return parameters.clone();
    }

    /** Bytes on the wire: algorithm, length, parameters padded to 4 (RFC 8489 §14.11). */
    public int encodedLength() {
        return 4 + ((parameters.length + 3) & ~3);
    }

    @Override
    public int type() {
        return StunAttributeType.PASSWORD_ALGORITHM;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PasswordAlgorithm p && algorithm == p.algorithm
                && Arrays.equals(parameters, p.parameters);
    }

    @Override
    public int hashCode() {
        return 31 * algorithm + Arrays.hashCode(parameters);
    }

    @Override
    public String toString() {
        return "PasswordAlgorithm[" + algorithm
                + (parameters.length == 0 ? "" : ", " + HexFormat.of().formatHex(parameters)) + "]";
    }
}
