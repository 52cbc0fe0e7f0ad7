package org.jwebrtc.stun;

import java.util.List;

/** PASSWORD-ALGORITHMS (RFC 8489 §14.11): the algorithms a server offers, in preference order. */
public record PasswordAlgorithms(List<PasswordAlgorithm> algorithms) implements StunAttribute {
    public PasswordAlgorithms {
        algorithms = List.copyOf(algorithms);
    }

    @Override
    public int type() {
        return StunAttributeType.PASSWORD_ALGORITHMS;
    }
}
