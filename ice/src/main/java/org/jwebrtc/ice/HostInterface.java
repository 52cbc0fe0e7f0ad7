package org.jwebrtc.ice;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One address of a network interface, a possible host candidate (RFC 8445 §5.1.1.1). Filter with
 * {@link HostCandidateFilter}, then bind a socket per address and hand it to {@link CandidateGatherer#addHostSocket}.
 *
 * @param name      interface name, e.g. {@code eth0}
 * @param address   the address
 * @param loopback  a loopback interface
 * @param virtual   a virtual or point-to-point interface (VPN, tunnel); RFC 8421 §4 ranks them last
 */
public record HostInterface(String name, InetAddress address, boolean loopback, boolean virtual) {
    public HostInterface {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
    }

    public boolean isIpv4() {
        return address instanceof Inet4Address;
    }

    /**
     * The addresses of the interfaces that are up, as the JDK sees them. This reads the OS's interface table (no
     * packet is sent); it is the one edge call here, kept out of the sans-IO gatherer so tests can pass fixed lists.
     */
    public static List<HostInterface> enumerate() throws SocketException {
        List<HostInterface> out = new ArrayList<>();
        for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nif.isUp()) {
                continue;
            }
            for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                out.add(new HostInterface(nif.getName(), a, nif.isLoopback(), nif.isVirtual() || nif.isPointToPoint()));
            }
        }
        return out;
    }
}
