package org.jwebrtc.sdp;

import org.jwebrtc.sdp.internal.Check;

/**
 * A line whose type letter RFC 8866 does not define (§5: a parser must ignore or reject it). The
 * lenient parser keeps it, in its position among the attributes of its section; strict rejects.
 */
public record UnknownLine(char type, String value) implements Attribute {
    public UnknownLine {
        if (type < 'a' || type > 'z' || "vosiuepcbtrzkam".indexOf(type) >= 0) {
            throw new IllegalArgumentException("not an unknown type letter: " + type);
        }
        Check.text(value, "line value");
    }

    @Override
    public char lineType() {
        return type;
    }

    @Override
    public String attributeName() {
        return "";
    }

    @Override
    public void appendTo(StringBuilder sb) {
        sb.append(value);
    }
}
