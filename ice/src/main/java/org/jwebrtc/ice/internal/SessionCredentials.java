package org.jwebrtc.ice.internal;

import java.nio.charset.StandardCharsets;
import org.jwebrtc.ice.IceCredentials;

/**
 * The credentials of one ICE generation (RFC 8445 §9: an ICE restart changes ufrag and pwd), with the byte forms the
 * checks need. Immutable; {@code remote} is null until the peer's credentials are known.
 */
public final class SessionCredentials {
    public final IceCredentials local;
    public final IceCredentials remote;
    /** Our password: the key of requests we verify and of responses we send (RFC 8445 §7.3). */
    public final byte[] localKey;
    /** {@code localUfrag:}, the prefix of the USERNAME of checks sent to us (RFC 8445 §7.2.2). */
    public final byte[] localUfragColon;
    /** The peer's password, the key of our requests (RFC 8445 §7.2.2), or null. */
    public final byte[] remoteKey;
    /** {@code remoteUfrag:localUfrag}, the USERNAME of our checks, or null. */
    public final byte[] checkUsername;

    public SessionCredentials(IceCredentials local, IceCredentials remote) {
        this.local = local;
        this.remote = remote;
        this.localKey = local.pwd().getBytes(StandardCharsets.UTF_8);
        this.localUfragColon = (local.ufrag() + ":").getBytes(StandardCharsets.UTF_8);
        this.remoteKey = remote == null ? null : remote.pwd().getBytes(StandardCharsets.UTF_8);
        this.checkUsername = remote == null ? null
                : (remote.ufrag() + ":" + local.ufrag()).getBytes(StandardCharsets.UTF_8);
    }

    public SessionCredentials withLocal(IceCredentials l) {
        return new SessionCredentials(l, remote);
    }

    public SessionCredentials withRemote(IceCredentials r) {
        return new SessionCredentials(local, r);
    }
}
