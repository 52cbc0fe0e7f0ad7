package org.jwebrtc.ice.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import org.jwebrtc.ice.IceRole;
import org.jwebrtc.stun.ErrorCode;
import org.jwebrtc.stun.IntegrityAlgorithm;
import org.jwebrtc.stun.StunAttributeType;
import org.jwebrtc.stun.StunClass;
import org.jwebrtc.stun.StunMethod;
import org.jwebrtc.stun.StunWriter;
import org.jwebrtc.stun.TransactionId;
import org.jwebrtc.stun.UnknownAttributes;

/** Writes the STUN messages ICE sends (RFC 8445 §7.1, §7.3.1, §11). Reusable; not thread-safe. */
public final class IceMessages {
    private final StunWriter writer = new StunWriter();
    private final byte[] scratch = new byte[576];
    private InetAddress lastIp;
    private byte[] lastIpBytes;

    /**
     * A connectivity or consent check (RFC 8445 §7.1.1-§7.1.3): USERNAME, PRIORITY, ICE-CONTROLLING or
     * ICE-CONTROLLED with our tie-breaker, USE-CANDIDATE when nominating, MESSAGE-INTEGRITY keyed with the remote
     * password, FINGERPRINT.
     */
    public byte[] request(TransactionId id, byte[] username, long priority, IceRole role, long tieBreaker,
                          boolean useCandidate, byte[] remoteKey) {
        writer.start(scratch, 0, scratch.length, StunClass.REQUEST, StunMethod.BINDING, id)
                .addBytes(StunAttributeType.USERNAME, username, 0, username.length)
                .addU32(StunAttributeType.PRIORITY, priority)
                .addU64(role == IceRole.CONTROLLING ? StunAttributeType.ICE_CONTROLLING
                        : StunAttributeType.ICE_CONTROLLED, tieBreaker);
        if (useCandidate) {
            writer.addEmpty(StunAttributeType.USE_CANDIDATE);
        }
        return Arrays.copyOf(scratch, writer.finish(remoteKey, IntegrityAlgorithm.HMAC_SHA1, true));
    }

    /** Success response with XOR-MAPPED-ADDRESS = the request's source (RFC 8445 §7.3.1.2), keyed with our pwd. */
    public byte[] success(byte[] req, int reqOff, InetSocketAddress source, byte[] localKey) {
        byte[] ip = ipBytes(source.getAddress());
        writer.start(scratch, 0, scratch.length, StunClass.SUCCESS_RESPONSE, StunMethod.BINDING, req, reqOff + 8)
                .addXorAddress(StunAttributeType.XOR_MAPPED_ADDRESS, ip, 0, ip.length, source.getPort());
        return Arrays.copyOf(scratch, writer.finish(localKey, IntegrityAlgorithm.HMAC_SHA1, true));
    }

    /** The peer's address bytes, cached: checks keep coming from the same few addresses. */
    private byte[] ipBytes(InetAddress address) {
        if (!address.equals(lastIp)) {
            lastIp = address;
            lastIpBytes = address.getAddress();
        }
        return lastIpBytes;
    }

    /**
     * Error response (RFC 8489 §6.3.1.1): 487 carries MESSAGE-INTEGRITY (RFC 8445 §7.3.1.1); 400 and 401 cannot
     * (the request was not authenticated), so {@code localKey} is null for them.
     */
    public byte[] error(byte[] req, int reqOff, int code, byte[] localKey) {
        writer.start(scratch, 0, scratch.length, StunClass.ERROR_RESPONSE, StunMethod.BINDING, req, reqOff + 8)
                .add(ErrorCode.of(code));
        return Arrays.copyOf(scratch, writer.finish(localKey, IntegrityAlgorithm.HMAC_SHA1, true));
    }

    /** 420 Unknown Attribute with UNKNOWN-ATTRIBUTES (RFC 8489 §6.3.1.1), authenticated with our password. */
    public byte[] unknownAttribute(byte[] req, int reqOff, int type, byte[] localKey) {
        writer.start(scratch, 0, scratch.length, StunClass.ERROR_RESPONSE, StunMethod.BINDING, req, reqOff + 8)
                .add(ErrorCode.of(ErrorCode.UNKNOWN_ATTRIBUTE))
                .add(new UnknownAttributes(List.of(type)));
        return Arrays.copyOf(scratch, writer.finish(localKey, IntegrityAlgorithm.HMAC_SHA1, true));
    }

    /** Keepalive (RFC 8445 §11): a Binding indication with FINGERPRINT, no authentication. */
    public byte[] indication(TransactionId id) {
        writer.start(scratch, 0, scratch.length, StunClass.INDICATION, StunMethod.BINDING, id);
        return Arrays.copyOf(scratch, writer.finish(null, IntegrityAlgorithm.HMAC_SHA1, true));
    }
}
