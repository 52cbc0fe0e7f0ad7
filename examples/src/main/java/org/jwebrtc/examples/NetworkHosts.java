package org.jwebrtc.examples;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;

/** The machine's IPv4 addresses on interfaces that are up, loopback when there is none. */
final class NetworkHosts {
    private NetworkHosts() {}

    static List<InetAddress> all() throws SocketException {
        List<InetAddress> list = new ArrayList<>();
        for (NetworkInterface ni : NetworkInterface.networkInterfaces().toList()) {
            if (ni.isUp() && !ni.isLoopback()) {
                ni.inetAddresses().filter(a -> a.getAddress().length == 4).forEach(list::add);
            }
        }
        return list.isEmpty() ? List.of(InetAddress.getLoopbackAddress()) : list;
    }
}
