package org.jwebrtc.dtls.internal.dtls13;

import java.time.Duration;
import java.util.List;
import org.jwebrtc.dtls.DtlsConfig;
import org.jwebrtc.dtls.SrtpProfile;

/**
 * Settings of the DTLS 1.3 engine. {@link #from(DtlsConfig)} maps the public config; tests vary
 * suites, groups and the cookie exchange directly.
 *
 * @param cipherSuites offered (client) / accepted (server) in preference order
 * @param groups supported_groups in preference order (server picks by this order)
 * @param clientKeyShares groups the client sends a key_share for in its first ClientHello
 * @param initialRetransmit first retransmission timeout (RFC 9147 §5.8.2 suggests 1 s), doubled up to 60 s
 * @param requireCookie server: always answer the first ClientHello with a HelloRetryRequest
 *                      carrying a cookie (RFC 9147 §5.1 return-routability)
 * @param offerDtls12 client: also list DTLS 1.2 in supported_versions (as Chromium does)
 * @param allowDtls12Fallback server: hand a ClientHello without DTLS 1.3 to the DTLS 1.2 path
 */
public record Dtls13Config(int mtu, List<CipherSuite> cipherSuites, List<NamedGroup> groups,
                           List<NamedGroup> clientKeyShares, List<SrtpProfile> srtpProfiles,
                           Duration handshakeTimeout, Duration initialRetransmit, boolean requireCookie,
                           boolean offerDtls12, boolean allowDtls12Fallback) {

    public Dtls13Config {
        cipherSuites = List.copyOf(cipherSuites);
        groups = List.copyOf(groups);
        clientKeyShares = List.copyOf(clientKeyShares);
        srtpProfiles = List.copyOf(srtpProfiles);
        if (cipherSuites.isEmpty() || groups.isEmpty() || !groups.containsAll(clientKeyShares)) {
            throw new IllegalArgumentException("need suites, groups, and key shares among the groups");
        }
    }

    /** Chromium's choices: AES-128-GCM first, X25519MLKEM768 + x25519 shares. */
    public static Dtls13Config defaults() {
        return from(DtlsConfig.defaults());
    }

    public static Dtls13Config from(DtlsConfig c) {
        return new Dtls13Config(c.mtu(), List.of(CipherSuite.values()), List.of(NamedGroup.values()),
                List.of(NamedGroup.X25519MLKEM768, NamedGroup.X25519), c.srtpProfiles(), c.handshakeTimeout(),
                Duration.ofSeconds(1), false, true, true);
    }

    public Dtls13Config withCipherSuites(List<CipherSuite> s) {
        return new Dtls13Config(mtu, s, groups, clientKeyShares, srtpProfiles, handshakeTimeout,
                initialRetransmit, requireCookie, offerDtls12, allowDtls12Fallback);
    }

    public Dtls13Config withGroups(List<NamedGroup> g, List<NamedGroup> shares) {
        return new Dtls13Config(mtu, cipherSuites, g, shares, srtpProfiles, handshakeTimeout,
                initialRetransmit, requireCookie, offerDtls12, allowDtls12Fallback);
    }

    public Dtls13Config withSrtpProfiles(List<SrtpProfile> p) {
        return new Dtls13Config(mtu, cipherSuites, groups, clientKeyShares, p, handshakeTimeout,
                initialRetransmit, requireCookie, offerDtls12, allowDtls12Fallback);
    }

    public Dtls13Config withRequireCookie(boolean b) {
        return new Dtls13Config(mtu, cipherSuites, groups, clientKeyShares, srtpProfiles, handshakeTimeout,
                initialRetransmit, b, offerDtls12, allowDtls12Fallback);
    }

    public Dtls13Config withMtu(int m) {
        return new Dtls13Config(m, cipherSuites, groups, clientKeyShares, srtpProfiles, handshakeTimeout,
                initialRetransmit, requireCookie, offerDtls12, allowDtls12Fallback);
    }

    public Dtls13Config withAllowDtls12Fallback(boolean b) {
        return new Dtls13Config(mtu, cipherSuites, groups, clientKeyShares, srtpProfiles, handshakeTimeout,
                initialRetransmit, requireCookie, offerDtls12, b);
    }
}
