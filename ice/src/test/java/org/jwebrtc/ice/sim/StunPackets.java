package org.jwebrtc.ice.sim;

import java.util.List;
import org.jwebrtc.stun.StunAttributeType;
import org.jwebrtc.stun.StunClass;
import org.jwebrtc.stun.StunMessage;

/** Test helpers that classify captured packets. */
final class StunPackets {
    private StunPackets() {
    }

    static StunMessage parse(byte[] data) {
        try {
            return StunMessage.parse(data);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static boolean isIndication(VirtualNetwork.Packet p) {
        return parse(p.data()).messageClass() == StunClass.INDICATION;
    }

    static boolean isRequest(VirtualNetwork.Packet p) {
        return parse(p.data()).messageClass() == StunClass.REQUEST;
    }

    static boolean hasUseCandidate(VirtualNetwork.Packet p) {
        return parse(p.data()).attribute(StunAttributeType.USE_CANDIDATE).isPresent();
    }

    /** First transmissions only: requests whose transaction ID was not seen before. */
    static List<VirtualNetwork.Packet> firstTransmissions(List<VirtualNetwork.Packet> sent) {
        java.util.Set<Object> seen = new java.util.HashSet<>();
        return sent.stream().filter(StunPackets::isRequest)
                .filter(p -> seen.add(parse(p.data()).transactionId())).toList();
    }
}
