package org.jwebrtc.ice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HostCandidateFilterTest {
    private static HostInterface h(String name, String ip, boolean loopback) throws Exception {
        return new HostInterface(name, InetAddress.getByName(ip), loopback, false);
    }

    @Test
    void selectsByFamilyNameAndLoopback() throws Exception {
        List<HostInterface> all = List.of(h("lo", "127.0.0.1", true), h("lo", "::1", true),
                h("eth0", "192.0.2.10", false), h("eth0", "2001:db8::10", false), h("eth0", "fe80::1", false),
                h("docker0", "172.17.0.1", false), h("wlan0", "198.51.100.3", false));
        assertThat(HostCandidateFilter.defaults().select(all)).extracting(HostInterface::name)
                .containsExactly("eth0", "eth0", "docker0", "wlan0"); // no loopback, no link-local
        assertThat(HostCandidateFilter.loopbackOnlyFilter().select(all)).extracting(HostInterface::name)
                .containsExactly("lo", "lo");
        assertThat(HostCandidateFilter.loopbackOnlyFilter().withFamilies(true, false).select(all))
                .extracting(h -> h.address().getHostAddress()).containsExactly("127.0.0.1");
        assertThat(HostCandidateFilter.defaults().withFamilies(false, true).select(all)).hasSize(1);
        assertThat(HostCandidateFilter.defaults().withExclude(Set.of("docker0")).select(all))
                .extracting(HostInterface::name).doesNotContain("docker0");
        assertThat(HostCandidateFilter.defaults().withInclude(Set.of("wlan0")).select(all))
                .extracting(HostInterface::name).containsExactly("wlan0");
    }

    @Test
    void enumeratesThisMachine() throws Exception {
        // The loopback interface exists everywhere, in a network namespace too.
        assertThat(HostCandidateFilter.loopbackOnlyFilter().select(HostInterface.enumerate())).isNotEmpty()
                .allMatch(HostInterface::loopback);
    }
}
