package org.jwebrtc.sdp;

import org.jwebrtc.sdp.internal.Check;

/** {@code a=ice-pwd} (RFC 8839 §5.4). */
public record IcePwd(String password) implements Attribute {
    public IcePwd {
        Check.word(password, "ice-pwd");
    }

    @Override
    public String attributeName() {
        return "ice-pwd";
    }

    @Override
    public void appendTo(StringBuilder sb) {
        sb.append("ice-pwd:").append(password);
    }

    @Override
    public String toString() {
        return "IcePwd[password=<redacted>]";   // keep secrets out of logs
    }
}
