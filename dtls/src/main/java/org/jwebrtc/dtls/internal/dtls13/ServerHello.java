package org.jwebrtc.dtls.internal.dtls13;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.jwebrtc.dtls.DtlsException;

/**
 * ServerHello and HelloRetryRequest (RFC 8446 §4.1.3, §4.1.4; RFC 9147 §5.3): legacy_version,
 * random (HRR: the SHA-256 of "HelloRetryRequest"), legacy_session_id_echo, cipher_suite,
 * legacy_compression_method 0, extensions.
 */
public record ServerHello(int legacyVersion, byte[] random, byte[] sessionIdEcho, int cipherSuite,
                          List<Extension> extensions) {
    /** RFC 8446 §4.1.3. */
    public static final byte[] HRR_RANDOM = HexFormat.of().parseHex(
            "CF21AD74E59A6111BE1D8C021E65B891C2A211167ABB8C5E079E09E2C8A8339C");
    /** RFC 8446 §4.1.3 downgrade sentinels in the last 8 bytes of ServerHello.random. */
    public static final byte[] DOWNGRADE_TLS12 = HexFormat.of().parseHex("444F574E47524401");
    public static final byte[] DOWNGRADE_TLS11 = HexFormat.of().parseHex("444F574E47524400");

    public ServerHello {
        random = Objects.requireNonNull(random, "random").clone();
        sessionIdEcho = sessionIdEcho.clone();
        extensions = List.copyOf(extensions);
        if (random.length != 32 || sessionIdEcho.length > 32) {
            throw new IllegalArgumentException("random must be 32 bytes, session id at most 32");
        }
    }

    public boolean isHelloRetryRequest() {
        return Arrays.equals(random, HRR_RANDOM);
    }

    /** True if the random carries a TLS 1.2/1.1 downgrade sentinel (RFC 8446 §4.1.3). */
    public boolean hasDowngradeSentinel() {
        byte[] tail = Arrays.copyOfRange(random, 24, 32);
        return Arrays.equals(tail, DOWNGRADE_TLS12) || Arrays.equals(tail, DOWNGRADE_TLS11);
    }

    public static ServerHello parse(byte[] body) throws DtlsException {
        WireReader r = new WireReader(body);
        int version = r.u16("legacy_version");
        byte[] random = r.bytes(32, "random");
        byte[] sid = r.vec8(0, "legacy_session_id_echo");
        if (sid.length > 32) {
            throw new DtlsException("legacy_session_id_echo longer than 32", 35);
        }
        int suite = r.u16("cipher_suite");
        int compression = r.u8("legacy_compression_method");
        if (compression != 0) {
            throw new DtlsException("legacy_compression_method must be 0", r.position() - 1);
        }
        List<Extension> exts = r.hasRemaining() ? Extension.parseList(r) : List.of();
        r.expectEnd("ServerHello");
        return new ServerHello(version, random, sid, suite, exts);
    }

    public byte[] encode() {
        WireWriter w = new WireWriter(128);
        w.u16(legacyVersion).bytes(random).vec8(sessionIdEcho).u16(cipherSuite).u8(0);
        Extension.encodeList(w, extensions);
        return w.toBytes();
    }

    @Override
    public byte[] random() {
        return random.clone();
    }

    @Override
    public byte[] sessionIdEcho() {
        return sessionIdEcho.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServerHello s && legacyVersion == s.legacyVersion && Arrays.equals(random, s.random)
                && Arrays.equals(sessionIdEcho, s.sessionIdEcho) && cipherSuite == s.cipherSuite
                && extensions.equals(s.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(legacyVersion, Arrays.hashCode(random), cipherSuite, extensions);
    }
}
