package org.jwebrtc.dtls;

import java.util.Arrays;
import java.util.Objects;

/**
 * SRTP master keys and salts exported with the label "EXTRACTOR-dtls_srtp" (RFC 5764 §4.2). The
 * export is client_write_SRTP_master_key | server_write_SRTP_master_key |
 * client_write_SRTP_master_salt | server_write_SRTP_master_salt. The client protects what it sends
 * with the client key and salt; the server with the server ones.
 */
public record SrtpKeyingMaterial(SrtpProfile profile, byte[] clientKey, byte[] clientSalt,
                                 byte[] serverKey, byte[] serverSalt) {

    public SrtpKeyingMaterial {
        Objects.requireNonNull(profile, "profile");
        clientKey = checked(clientKey, profile.keyLength(), "clientKey");
        serverKey = checked(serverKey, profile.keyLength(), "serverKey");
        clientSalt = checked(clientSalt, profile.saltLength(), "clientSalt");
        serverSalt = checked(serverSalt, profile.saltLength(), "serverSalt");
    }

    /** Splits an export of {@link SrtpProfile#keyingMaterialLength()} bytes (RFC 5764 §4.2). */
    public static SrtpKeyingMaterial split(SrtpProfile profile, byte[] exported) {
        if (exported.length != profile.keyingMaterialLength()) {
            throw new IllegalArgumentException("keying material for " + profile + " is "
                    + profile.keyingMaterialLength() + " bytes, got " + exported.length);
        }
        int k = profile.keyLength();
        int s = profile.saltLength();
        return new SrtpKeyingMaterial(profile,
                Arrays.copyOfRange(exported, 0, k),
                Arrays.copyOfRange(exported, 2 * k, 2 * k + s),
                Arrays.copyOfRange(exported, k, 2 * k),
                Arrays.copyOfRange(exported, 2 * k + s, 2 * k + 2 * s));
    }

    /** The export in RFC 5764 §4.2 order (what {@code openssl -keymatexport} prints). */
    public byte[] toExported() {
        int k = profile.keyLength();
        int s = profile.saltLength();
        byte[] out = new byte[profile.keyingMaterialLength()];
        System.arraycopy(clientKey, 0, out, 0, k);
        System.arraycopy(serverKey, 0, out, k, k);
        System.arraycopy(clientSalt, 0, out, 2 * k, s);
        System.arraycopy(serverSalt, 0, out, 2 * k + s, s);
        return out;
    }

    /** Key for what {@code role} sends. */
    public byte[] localKey(DtlsRole role) {
        return role == DtlsRole.CLIENT ? clientKey() : serverKey();
    }

    /** Salt for what {@code role} sends. */
    public byte[] localSalt(DtlsRole role) {
        return role == DtlsRole.CLIENT ? clientSalt() : serverSalt();
    }

    /** Key for what the peer of {@code role} sends. */
    public byte[] remoteKey(DtlsRole role) {
        return role == DtlsRole.CLIENT ? serverKey() : clientKey();
    }

    /** Salt for what the peer of {@code role} sends. */
    public byte[] remoteSalt(DtlsRole role) {
        return role == DtlsRole.CLIENT ? serverSalt() : clientSalt();
    }

    @Override
    public byte[] clientKey() {
        return clientKey.clone();
    }

    @Override
    public byte[] clientSalt() {
        return clientSalt.clone();
    }

    @Override
    public byte[] serverKey() {
        return serverKey.clone();
    }

    @Override
    public byte[] serverSalt() {
        return serverSalt.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SrtpKeyingMaterial m && profile == m.profile
                && Arrays.equals(clientKey, m.clientKey) && Arrays.equals(clientSalt, m.clientSalt)
                && Arrays.equals(serverKey, m.serverKey) && Arrays.equals(serverSalt, m.serverSalt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(profile, Arrays.hashCode(clientKey), Arrays.hashCode(serverKey));
    }

    /** Never prints key bytes. */
    @Override
    public String toString() {
        return "SrtpKeyingMaterial[" + profile + "]";
    }

    private static byte[] checked(byte[] b, int len, String name) {
        Objects.requireNonNull(b, name);
        if (b.length != len) {
            throw new IllegalArgumentException(name + " must be " + len + " bytes, got " + b.length);
        }
        return b.clone();
    }
}
