package org.jwebrtc.ice;

import java.net.Inet6Address;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which interface addresses become host candidates. Link-local IPv6 ({@code fe80::/10}) and IPv4-mapped addresses are
 * never used (RFC 8445 §5.1.1.1 leaves out addresses that cannot reach peers; RFC 8421 §4 link-local).
 *
 * @param ipv4         use IPv4 addresses
 * @param ipv6         use IPv6 addresses
 * @param include      interface names to use; empty = all
 * @param exclude      interface names never to use (e.g. {@code docker0})
 * @param loopback     use loopback interfaces (WebRTC leaves them out unless nothing else exists)
 * @param loopbackOnly use only loopback interfaces (tests: nothing leaves the machine)
 */
public record HostCandidateFilter(boolean ipv4, boolean ipv6, Set<String> include, Set<String> exclude,
                                  boolean loopback, boolean loopbackOnly) {
    public HostCandidateFilter {
        include = Set.copyOf(Objects.requireNonNull(include, "include"));
        exclude = Set.copyOf(Objects.requireNonNull(exclude, "exclude"));
    }

    /** IPv4 and IPv6, every interface but loopback. */
    public static HostCandidateFilter defaults() {
        return new HostCandidateFilter(true, true, Set.of(), Set.of(), false, false);
    }

    /** Loopback only, both families: for tests bound to 127.0.0.1/::1. */
    public static HostCandidateFilter loopbackOnlyFilter() {
        return new HostCandidateFilter(true, true, Set.of(), Set.of(), true, true);
    }

    public HostCandidateFilter withFamilies(boolean v4, boolean v6) {
        return new HostCandidateFilter(v4, v6, include, exclude, loopback, loopbackOnly);
    }

    public HostCandidateFilter withInclude(Set<String> names) {
        return new HostCandidateFilter(ipv4, ipv6, names, exclude, loopback, loopbackOnly);
    }

    public HostCandidateFilter withExclude(Set<String> names) {
        return new HostCandidateFilter(ipv4, ipv6, include, names, loopback, loopbackOnly);
    }

    public boolean accepts(HostInterface h) {
        if (h.isIpv4() ? !ipv4 : !ipv6) {
            return false;
        }
        if (loopbackOnly ? !h.loopback() : h.loopback() && !loopback) {
            return false;
        }
        if (h.address() instanceof Inet6Address a6 && (a6.isLinkLocalAddress() || a6.isMulticastAddress())) {
            return false;
        }
        if (h.address().isAnyLocalAddress() || h.address().isMulticastAddress()) {
            return false;
        }
        return (include.isEmpty() || include.contains(h.name())) && !exclude.contains(h.name());
    }

    /** The accepted addresses, in the given order. */
    public List<HostInterface> select(List<HostInterface> interfaces) {
        return interfaces.stream().filter(this::accepts).toList();
    }
}
