package org.jwebrtc.dtls.internal.dtls13;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jwebrtc.dtls.DtlsException;

/**
 * ClientHello (RFC 9147 §5.3): legacy_version {254,253}, random, legacy_session_id,
 * legacy_cookie (empty in DTLS 1.3), cipher_suites, legacy_compression_methods, extensions.
 */
public record ClientHello(int legacyVersion, byte[] random, byte[] sessionId, byte[] legacyCookie,
                          List<Integer> cipherSuites, List<Extension> extensions) {

    public ClientHello {
        random = Objects.requireNonNull(random, "random").clone();
        sessionId = sessionId.clone();
        legacyCookie = legacyCookie.clone();
        cipherSuites = List.copyOf(cipherSuites);
        extensions = List.copyOf(extensions);
        if (random.length != 32 || sessionId.length > 32) {
            throw new IllegalArgumentException("random must be 32 bytes, session id at most 32");
        }
    }

    public static ClientHello parse(byte[] body) throws DtlsException {
        WireReader r = new WireReader(body);
        int version = r.u16("legacy_version");
        byte[] random = r.bytes(32, "random");
        byte[] sid = r.vec8(0, "legacy_session_id");
        if (sid.length > 32) {
            throw new DtlsException("legacy_session_id longer than 32", 35);
        }
        byte[] cookie = r.vec8(0, "legacy_cookie");
        int suitesLen = r.u16("cipher_suites length");
        if (suitesLen < 2 || suitesLen % 2 != 0) {
            throw new DtlsException("cipher_suites length " + suitesLen + " invalid", r.position() - 2);
        }
        WireReader s = r.sub(suitesLen, "cipher_suites");
        List<Integer> suites = new ArrayList<>();
        while (s.hasRemaining()) {
            suites.add(s.u16("cipher suite"));
        }
        r.vec8(1, "legacy_compression_methods");
        List<Extension> exts = r.hasRemaining() ? Extension.parseList(r) : List.of();
        r.expectEnd("ClientHello");
        return new ClientHello(version, random, sid, cookie, suites, exts);
    }

    public byte[] encode() {
        WireWriter w = new WireWriter(512);
        w.u16(legacyVersion).bytes(random).vec8(sessionId).vec8(legacyCookie);
        w.u16(cipherSuites.size() * 2);
        for (int s : cipherSuites) {
            w.u16(s);
        }
        w.u8(1).u8(0);   // legacy_compression_methods = {null}
        Extension.encodeList(w, extensions);
        return w.toBytes();
    }

    @Override
    public byte[] random() {
        return random.clone();
    }

    @Override
    public byte[] sessionId() {
        return sessionId.clone();
    }

    @Override
    public byte[] legacyCookie() {
        return legacyCookie.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClientHello c && legacyVersion == c.legacyVersion && Arrays.equals(random, c.random)
                && Arrays.equals(sessionId, c.sessionId) && Arrays.equals(legacyCookie, c.legacyCookie)
                && cipherSuites.equals(c.cipherSuites) && extensions.equals(c.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(legacyVersion, Arrays.hashCode(random), cipherSuites, extensions);
    }
}
