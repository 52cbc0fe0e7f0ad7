package org.jwebrtc.srtp;

import java.util.Arrays;

/**
 * The two contexts of a DTLS-SRTP association: {@code local} protects what we send, {@code remote}
 * unprotects what we receive.
 */
public record DtlsSrtpContexts(SrtpContext local, SrtpContext remote) {

    public static DtlsSrtpContexts fromKeyingMaterial(SrtpProfile profile, byte[] material, boolean localIsClient) {
        return fromKeyingMaterial(profile, material, localIsClient, SrtpOptions.defaults());
    }

    /**
     * Splits the "EXTRACTOR-dtls_srtp" exporter output, RFC 5764 §4.2:
     * client_write_SRTP_master_key | server_write_SRTP_master_key | client_write_SRTP_master_salt |
     * server_write_SRTP_master_salt. The client sends with the client key/salt.
     */
    public static DtlsSrtpContexts fromKeyingMaterial(SrtpProfile profile, byte[] material, boolean localIsClient,
                                                      SrtpOptions options) {
        int k = profile.keyLength();
        int s = profile.saltLength();
        if (material.length != profile.keyingMaterialLength()) {
            throw new IllegalArgumentException(profile + " needs " + profile.keyingMaterialLength()
                    + " bytes of keying material, got " + material.length);
        }
        byte[] clientKey = Arrays.copyOfRange(material, 0, k);
        byte[] serverKey = Arrays.copyOfRange(material, k, 2 * k);
        byte[] clientSalt = Arrays.copyOfRange(material, 2 * k, 2 * k + s);
        byte[] serverSalt = Arrays.copyOfRange(material, 2 * k + s, 2 * k + 2 * s);
        SrtpContext client = SrtpContext.create(profile, clientKey, clientSalt, options);
        SrtpContext server = SrtpContext.create(profile, serverKey, serverSalt, options);
        Arrays.fill(clientKey, (byte) 0);
        Arrays.fill(serverKey, (byte) 0);
        return localIsClient ? new DtlsSrtpContexts(client, server) : new DtlsSrtpContexts(server, client);
    }
}
