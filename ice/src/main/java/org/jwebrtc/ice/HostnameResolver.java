package org.jwebrtc.ice;

import java.net.InetAddress;
import java.util.Optional;

/**
 * Resolves a remote candidate's host name (an mDNS {@code .local} name) without blocking: return what is known now
 * (e.g. from a cache), or empty and later call {@link IceAgent#resolveRemoteHostname}. Called on the agent's thread.
 */
@FunctionalInterface
public interface HostnameResolver {
    Optional<InetAddress> resolve(String hostname);
}
