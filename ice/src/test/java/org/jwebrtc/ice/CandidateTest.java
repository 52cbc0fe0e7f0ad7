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
}
