package org.jwebrtc.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CandidateTest {
    private static InetSocketAddress addr(String ip, int port) {
        return new InetSocketAddress(ip, port);
    }

    @Test
    void hostCandidateIsItsOwnBase() {
        Candidate c = Candidate.host(addr("192.0.2.1", 5000), 65535);
        assertThat(c.base()).isEqualTo(c.address());
        assertThat(c.priority()).isEqualTo(2130706431L);
        assertThat(c.toSdp()).endsWith("1 udp 2130706431 192.0.2.1 5000 typ host");
    }

    @Test
    void foundationsFollowTypeBaseAndServer() {
        Candidate h1 = Candidate.host(addr("192.0.2.1", 5000), 65535);
        Candidate h2 = Candidate.host(addr("192.0.2.1", 5002), 65534);
        Candidate h3 = Candidate.host(addr("192.0.2.2", 5000), 65533);
        assertThat(h1.foundation()).isEqualTo(h2.foundation()).isNotEqualTo(h3.foundation());
        Candidate s1 = Candidate.serverReflexive(addr("203.0.113.1", 6000), h1.address(), addr("198.51.100.1", 3478),
                65535, 1);
        Candidate s2 = Candidate.serverReflexive(addr("203.0.113.1", 6001), h1.address(), addr("198.51.100.2", 3478),
                65534, 1);
        assertThat(s1.foundation()).isNotEqualTo(h1.foundation()).isNotEqualTo(s2.foundation());
        assertThat(s1.base()).isEqualTo(h1.address());
        assertThat(s1.relatedAddress()).contains(h1.address());
        assertThat(s1.toSdp()).contains("typ srflx raddr 192.0.2.1 rport 5000");
    }

    @Test
    void relayedCandidateIsItsOwnBase() {
        Candidate r = Candidate.relayed(addr("198.51.100.9", 40000), addr("203.0.113.1", 6000),
                addr("198.51.100.9", 3478), 65535, 1);
        assertThat(r.base()).isEqualTo(r.address());
        assertThat(r.priority()).isEqualTo(16777215L);
    }

    @Test
    void mdnsCandidateStaysUnresolved() {
        Candidate c = Candidate.remote(CandidateType.HOST, "1", 1, 2122260223L,
                InetSocketAddress.createUnresolved("4f1c2b8e-0d3a-4c7e-9b1a-abcd.local", 54321), Optional.empty());
        assertThat(c.isUnresolved()).isTrue();
        assertThat(c.isMdns()).isTrue();
        Candidate resolved = c.withResolvedAddress(InetAddress.getLoopbackAddress());
        assertThat(resolved.isUnresolved()).isFalse();
        assertThat(resolved.address().getPort()).isEqualTo(54321);
        assertThat(resolved.base()).isEqualTo(resolved.address());
    }

    @Test
    void rejectsBadValues() {
        assertThatThrownBy(() -> Candidate.host(InetSocketAddress.createUnresolved("x.local", 1), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CandidatePriority.compute(127, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CandidatePriority.compute(126, 65536, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CandidatePriority.compute(126, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IceCredentials("a:b", "pwd")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void localPreferencesAreUniqueAndIntermingled() throws Exception {
        // RFC 8421 §4: two IPv4 and six IPv6 addresses → an IPv4 address after four IPv6 ones.
        List<InetAddress> v6 = List.of(InetAddress.getByName("2001:db8::1"), InetAddress.getByName("2001:db8::2"),
                InetAddress.getByName("2001:db8::3"), InetAddress.getByName("2001:db8::4"),
                InetAddress.getByName("2001:db8::5"), InetAddress.getByName("2001:db8::6"));
        List<InetAddress> v4 = List.of(InetAddress.getByName("192.0.2.1"), InetAddress.getByName("192.0.2.2"));
        List<InetAddress> all = new java.util.ArrayList<>(v4);
        all.addAll(v6);
        Map<InetAddress, Integer> prefs = LocalPreference.assign(all);
        List<InetAddress> order = List.copyOf(prefs.keySet());
        assertThat(order.subList(0, 4)).containsExactlyElementsOf(v6.subList(0, 4));
        assertThat(order.get(4)).isEqualTo(v4.get(0));
        assertThat(prefs.values()).doesNotHaveDuplicates().allSatisfy(p -> assertThat(p).isBetween(0, 65535));
        assertThat(prefs.get(order.get(0))).isGreaterThan(prefs.get(order.get(1)));
    }

    @Test
    void unreliableInterfacesComeLast() throws Exception {
        InetAddress wifi = InetAddress.getByName("192.0.2.1");
        InetAddress lte = InetAddress.getByName("198.51.100.7");
        InetAddress v6 = InetAddress.getByName("2001:db8::1");
        Map<InetAddress, Integer> prefs = LocalPreference.assign(List.of(lte, wifi, v6), List.of(lte));
        assertThat(List.copyOf(prefs.keySet())).containsExactly(v6, wifi, lte);
    }

    @org.junit.jupiter.api.Test
    void tcpCandidatesFollowRfc6544() {
        Candidate active = Candidate.tcpHost(new InetSocketAddress("192.0.2.1", 5555), TcpType.ACTIVE, 0, 1);
        Candidate passive = Candidate.tcpHost(new InetSocketAddress("192.0.2.1", 5556), TcpType.PASSIVE, 0, 1);
        Candidate so = Candidate.tcpHost(new InetSocketAddress("192.0.2.1", 5557), TcpType.SO, 0, 1);
        assertThat(active.address().getPort()).isEqualTo(9); // RFC 6544 §4.5
        // RFC 6544 §4.2: local preference 2^13 * direction-pref + other-pref; host: active 6 > passive 4 > so 2.
        assertThat(CandidatePriority.localPreference(active.priority())).isEqualTo(6 << 13);
        assertThat(CandidatePriority.localPreference(passive.priority())).isEqualTo(4 << 13);
        assertThat(CandidatePriority.localPreference(so.priority())).isEqualTo(2 << 13);
        assertThat(CandidatePriority.tcpLocalPreference(CandidateType.SERVER_REFLEXIVE, TcpType.SO, 7))
                .isEqualTo((6 << 13) + 7);
        assertThat(active.toSdp()).isEqualTo(active.foundation() + " 1 tcp " + active.priority()
                + " 192.0.2.1 9 typ host tcptype active");
        assertThat(active.foundation()).isNotEqualTo(Candidate.host(new InetSocketAddress("192.0.2.1", 9), 1)
                .foundation()); // transport is part of the foundation (RFC 8445 §5.1.1.3)
        Candidate udp = Candidate.host(new InetSocketAddress("192.0.2.2", 5000), 65535);
        Candidate remotePassive = Candidate.remoteTcp(CandidateType.HOST, "x", 1, 5,
                new InetSocketAddress("192.0.2.2", 443), java.util.Optional.empty(), TcpType.PASSIVE);
        Candidate remoteActive = Candidate.remoteTcp(CandidateType.HOST, "y", 1, 5,
                new InetSocketAddress("192.0.2.2", 9), java.util.Optional.empty(), TcpType.ACTIVE);
        assertThat(active.canPairWith(remotePassive)).isTrue();
        assertThat(active.canPairWith(remoteActive)).isFalse();
        assertThat(passive.canPairWith(remoteActive)).isTrue();
        assertThat(so.canPairWith(remotePassive)).isFalse();
        assertThat(active.canPairWith(udp)).isFalse();
        assertThat(udp.canPairWith(remotePassive)).isFalse();
        assertThat(TransportProtocol.fromToken("TCP")).isEqualTo(TransportProtocol.TCP);
        assertThat(TcpType.fromToken("so")).isEqualTo(TcpType.SO);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Candidate(CandidateType.HOST, "f", 1, 5,
                udp.address(), udp.address(), java.util.Optional.empty(), TransportProtocol.TCP,
                java.util.Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Transmit(udp.address(), udp.address(), new byte[0]).transport())
                .isEqualTo(TransportProtocol.UDP);
    }
}
