package org.jwebrtc.dtls;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings for one {@link DtlsTransport}. Immutable; derive variants with the {@code with*}
 * methods.
 *
 * @param mtu largest datagram we send (bctls fragments handshake flights to fit); 1200 by
 *            default, the size WebRTC stacks use so DTLS survives tunnels and TURN overhead
 * @param srtpProfiles use_srtp profiles (RFC 5764 §4.1.1) in preference order; the client offers
 *                     them in this order and the server picks its first one the client offered.
 *                     Empty = do not negotiate SRTP (data channels only); if non-empty and the
 *                     peer has none in common, the handshake fails
 * @param handshakeTimeout give up the handshake after this long (bctls counts it itself)
 * @param onOutputReady called from the handshake thread whenever the handshake produced output
 *                      (datagrams or its outcome) the owner must drain: schedule a drain of
 *                      {@code pollTransmit}/{@code pollEvent} on the owning thread; must not block
 *                      and must not touch the transport directly
 * @param maxVersion {@link DtlsVersion#DTLS_1_2} (default) or {@link DtlsVersion#DTLS_1_3}
 */
public record DtlsConfig(int mtu, List<SrtpProfile> srtpProfiles, Duration handshakeTimeout,
                         Runnable onOutputReady, DtlsVersion maxVersion) {

    public static final int DEFAULT_MTU = 1200;

    /** GCM first (RFC 7714; cheaper per packet), then the RFC 5764 mandatory _80, then _32. */
    public static final List<SrtpProfile> DEFAULT_SRTP_PROFILES = List.of(
            SrtpProfile.SRTP_AEAD_AES_128_GCM,
            SrtpProfile.SRTP_AEAD_AES_256_GCM,
            SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80,
            SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_32);

    public DtlsConfig {
        if (mtu < 256 || mtu > 65_507) {
            throw new IllegalArgumentException("mtu must be in [256, 65507], got " + mtu);
        }
        srtpProfiles = List.copyOf(srtpProfiles);
        if (srtpProfiles.stream().distinct().count() != srtpProfiles.size()) {
            throw new IllegalArgumentException("duplicate SRTP profile in " + srtpProfiles);
        }
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()
                || handshakeTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("handshakeTimeout out of range: " + handshakeTimeout);
        }
        Objects.requireNonNull(onOutputReady, "onOutputReady");
        Objects.requireNonNull(maxVersion, "maxVersion");
    }

    /** DTLS 1.2 only, as before {@code maxVersion} existed. */
    public DtlsConfig(int mtu, List<SrtpProfile> srtpProfiles, Duration handshakeTimeout, Runnable onOutputReady) {
        this(mtu, srtpProfiles, handshakeTimeout, onOutputReady, DtlsVersion.DTLS_1_2);
    }

    /** MTU 1200, all four SRTP profiles, 30 s handshake timeout, no wake-up hook, DTLS 1.2. */
    public static DtlsConfig defaults() {
        return new DtlsConfig(DEFAULT_MTU, DEFAULT_SRTP_PROFILES, Duration.ofSeconds(30), () -> { }, DtlsVersion.DTLS_1_2);
    }

    public DtlsConfig withMtu(int mtu) {
        return new DtlsConfig(mtu, srtpProfiles, handshakeTimeout, onOutputReady, maxVersion);
    }

    public DtlsConfig withSrtpProfiles(List<SrtpProfile> profiles) {
        return new DtlsConfig(mtu, profiles, handshakeTimeout, onOutputReady, maxVersion);
    }

    public DtlsConfig withHandshakeTimeout(Duration timeout) {
        return new DtlsConfig(mtu, srtpProfiles, timeout, onOutputReady, maxVersion);
    }

    /** The wake-up hook; see the record description. */
    public DtlsConfig withOnOutputReady(Runnable hook) {
        return new DtlsConfig(mtu, srtpProfiles, handshakeTimeout, hook, maxVersion);
    }

    /** Selects the DTLS 1.3 engine ({@link DtlsVersion#DTLS_1_3}) or bctls DTLS 1.2. */
    public DtlsConfig withMaxVersion(DtlsVersion version) {
        return new DtlsConfig(mtu, srtpProfiles, handshakeTimeout, onOutputReady, version);
    }
}
