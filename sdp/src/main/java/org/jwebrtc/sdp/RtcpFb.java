package org.jwebrtc.sdp;

import java.util.Optional;
import org.jwebrtc.sdp.internal.Check;

/**
 * {@code a=rtcp-fb:<pt|*> <type> [<parameter>]} (RFC 4585 §4.2), e.g. {@code nack pli},
 * {@code ccm fir}, {@code transport-cc}, {@code goog-remb}, {@code trr-int 100}.
 */
public record RtcpFb(int payloadType, String type, Optional<String> parameter) implements Attribute {
    /** {@link #payloadType()} of {@code a=rtcp-fb:*}: applies to every format of the m-section. */
    public static final int WILDCARD = -1;

    public RtcpFb {
        Check.range(payloadType, WILDCARD, 127, "payload type");
        Check.word(type, "rtcp-fb type");
        if (parameter == null) {
            throw new IllegalArgumentException("parameter must not be null");
        }
        parameter.ifPresent(p -> Check.value(p, "rtcp-fb parameter"));
    }

    public RtcpFb(int payloadType, String type) {
        this(payloadType, type, Optional.empty());
    }

    public RtcpFb(int payloadType, String type, String parameter) {
        this(payloadType, type, Optional.of(parameter));
    }

    public boolean isWildcard() {
        return payloadType == WILDCARD;
    }

    /** Same feedback for another payload type (JSEP answer mapping). */
    public RtcpFb withPayloadType(int pt) {
        return new RtcpFb(pt, type, parameter);
    }

    @Override
    public String attributeName() {
        return "rtcp-fb";
    }

    @Override
    public void appendTo(StringBuilder sb) {
        sb.append("rtcp-fb:");
        if (payloadType == WILDCARD) {
            sb.append('*');
        } else {
            sb.append(payloadType);
        }
        sb.append(' ').append(type);
        if (parameter.isPresent()) {
            sb.append(' ').append(parameter.get());
        }
    }
}
