package org.jwebrtc.dtls.internal.dtls13;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * What a 1.3-capable client adds to a DTLS 1.2 ClientHello written by another implementation
 * (bctls) so that one ClientHello offers both versions (RFC 8446 §4.2.1, RFC 9147 §5.3): the DTLS
 * 1.3 cipher suites, supported_versions {DTLS 1.3, DTLS 1.2}, supported_groups with the hybrid
 * group, and key_share entries whose private halves stay here for the 1.3 engine.
 *
 * @param suites DTLS 1.3 suites, listed before the 1.2 suites
 * @param groups supported_groups in preference order
 * @param shares our ephemeral keys, one key_share entry each (RFC 8446 §4.2.8)
 */
public record Dtls13Offer(List<CipherSuite> suites, List<NamedGroup> groups, List<NamedGroup.ClientShare> shares) {

    public Dtls13Offer {
        suites = List.copyOf(suites);
        groups = List.copyOf(groups);
        shares = List.copyOf(shares);
    }

    /** Fresh key shares for the groups {@code config} sends shares for. */
    public static Dtls13Offer generate(Dtls13Config config, SecureRandom random) {
        List<NamedGroup.ClientShare> shares = new ArrayList<>();
        for (NamedGroup g : config.clientKeyShares()) {
            shares.add(g.generate(random));
        }
        return new Dtls13Offer(config.cipherSuites(), config.groups(), shares);
    }

    public int[] cipherSuiteIds() {
        return suites.stream().mapToInt(CipherSuite::id).toArray();
    }

    /** supported_versions data: DTLS 1.3 then DTLS 1.2 (RFC 8446 §4.2.1). */
    public byte[] supportedVersions() {
        return Extension.u16List(List.of(Dtls13Connection.DTLS13, Dtls13Connection.DTLS12), 1);
    }

    /** supported_groups data (RFC 8446 §4.2.7); a 1.2 server picks its ECDHE curve from it too. */
    public byte[] supportedGroups() {
        return Extension.u16List(groups.stream().map(NamedGroup::id).toList(), 2);
    }

    /** key_share data (RFC 8446 §4.2.8: KeyShareClientHello). */
    public byte[] keyShare() {
        return keyShareData(shares);
    }

    static byte[] keyShareData(List<NamedGroup.ClientShare> shares) {
        WireWriter list = new WireWriter(1300);
        for (NamedGroup.ClientShare s : shares) {
            list.u16(s.group().id()).vec16(s.publicShare());
        }
        return new WireWriter(list.length() + 2).vec16(list.toBytes()).toBytes();
    }
}
