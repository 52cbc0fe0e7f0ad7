package org.jwebrtc.ice;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Local preferences for multi-homed and dual-stack hosts (RFC 8421). Local preferences of candidates of the same
 * type must be unique (RFC 8445 §5.1.2.1); RFC 8421 §4 asks that IPv6 and IPv4 candidates be intermingled, IPv6 first
 * with a head start of {@code (N4 + N6) / N4} addresses, and that unreliable interfaces come last.
 */
public final class LocalPreference {
    /** First value used, as in the RFC 8421 §5 example table (60000, 59000, ...). */
    static final int START = 60000;

    private LocalPreference() {
    }

    /**
     * Assigns a unique local preference to each address, highest first, following the RFC 8421 §4 head-start
     * intermingling. Addresses in {@code unreliable} are ordered after all others. Order of equal families is kept.
     *
     * @return address → local preference (iteration order = preference order, highest first)
     */
    public static Map<InetAddress, Integer> assign(List<InetAddress> addresses, List<InetAddress> unreliable) {
        List<InetAddress> ordered = intermingle(addresses.stream().filter(a -> !unreliable.contains(a)).toList());
        List<InetAddress> all = new ArrayList<>(ordered);
        all.addAll(intermingle(addresses.stream().filter(unreliable::contains).toList()));
        int step = all.isEmpty() ? 1 : Math.max(1, Math.min(1000, START / all.size()));
        Map<InetAddress, Integer> out = new LinkedHashMap<>();
        int pref = START;
        for (InetAddress a : all) {
            if (!out.containsKey(a)) {
                out.put(a, pref);
                pref -= step;
            }
        }
        return out;
    }

    /** Same as {@link #assign(List, List)} with no unreliable interface. */
    public static Map<InetAddress, Integer> assign(List<InetAddress> addresses) {
        return assign(addresses, List.of());
    }

    /** IPv6 first, then one IPv4 after each head start of {@code Hi = (N4 + N6) / N4} addresses (RFC 8421 §4). */
    static List<InetAddress> intermingle(List<InetAddress> addresses) {
        List<InetAddress> v6 = addresses.stream().filter(a -> a instanceof Inet6Address).toList();
        List<InetAddress> v4 = addresses.stream().filter(a -> !(a instanceof Inet6Address)).toList();
        if (v4.isEmpty() || v6.isEmpty()) {
            return addresses;
        }
        int headStart = Math.max(1, (v4.size() + v6.size()) / v4.size());
        List<InetAddress> out = new ArrayList<>(addresses.size());
        int i6 = 0;
        int i4 = 0;
        while (i6 < v6.size() || i4 < v4.size()) {
            // Hi IPv6 addresses, then one IPv4 (RFC 8421 §4: 2 IPv4 + 6 IPv6 → an IPv4 after four IPv6).
            for (int k = 0; k < headStart && i6 < v6.size(); k++) {
                out.add(v6.get(i6++));
            }
            if (i4 < v4.size()) {
                out.add(v4.get(i4++));
            } else if (i6 < v6.size()) {
                out.add(v6.get(i6++));
            }
        }
        return out;
    }
}
