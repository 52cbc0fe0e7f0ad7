package org.jwebrtc.peerconnection;

import java.util.Map;

/**
 * One entry of a stats report (W3C webrtc-stats): {@code type} is {@code "inbound-rtp"}, {@code "outbound-rtp"},
 * {@code "remote-inbound-rtp"}, {@code "candidate-pair"} or {@code "transport"}; {@code members} uses the W3C
 * member names (packetsReceived, bytesSent, jitter in seconds, currentRoundTripTime in seconds, ...).
 */
public record RtcStats(String id, String type, double timestamp, Map<String, Object> members) {
    public RtcStats {
        members = Map.copyOf(members);
    }

    /** A numeric member as long (0 when absent). */
    public long getLong(String name) {
        Object v = members.get(name);
        return v instanceof Number n ? n.longValue() : 0;
    }

    /** A numeric member as double (NaN when absent). */
    public double getDouble(String name) {
        Object v = members.get(name);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    public String getString(String name) {
        Object v = members.get(name);
        return v == null ? null : v.toString();
    }
}
