package org.jwebrtc.ice;

/** The two ICE roles (RFC 8445 §2.2, §6.1.1). */
public enum IceRole {
    CONTROLLING,
    CONTROLLED;

    /** The other role (role conflict switches roles, RFC 8445 §7.3.1.1). */
    public IceRole opposite() {
        return this == CONTROLLING ? CONTROLLED : CONTROLLING;
    }
}
