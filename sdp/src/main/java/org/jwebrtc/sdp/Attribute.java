package org.jwebrtc.sdp;

/**
 * One {@code a=} line (RFC 8866 §5.13) at session or media level. Typed variants cover what
 * WebRTC uses; anything else survives as {@link UnknownAttribute} (and lines with an unknown type
 * letter as {@link UnknownLine}) so that the writer reproduces it unchanged.
 */
public sealed interface Attribute
        permits Group, Mid, IceUfrag, IcePwd, IceOptions, Fingerprint, Setup, Rtcp, RtpMap, Fmtp,
                RtcpFb, Extmap, Ssrc, SsrcGroup, Msid, Rid, Simulcast, SctpPort, MaxMessageSize,
                Candidate, Direction, PropertyAttribute, UnknownAttribute, UnknownLine {

    /** The attribute name as written after {@code a=}, e.g. {@code "rtpmap"}. */
    String attributeName();

    /** Appends the line text after {@code "a="} (name, and {@code ":" value} if any), without CRLF. */
    void appendTo(StringBuilder sb);

    /** The type letter of the line; {@code 'a'} for every attribute, other for {@link UnknownLine}. */
    default char lineType() {
        return 'a';
    }

    /** The line text after {@code "a="}, e.g. {@code "rtpmap:111 opus/48000/2"}. */
    default String text() {
        StringBuilder sb = new StringBuilder(32);
        appendTo(sb);
        return sb.toString();
    }
}
