package org.jwebrtc.sdp;

import java.util.OptionalInt;
import org.jwebrtc.sdp.internal.Check;

/**
 * {@code a=rtpmap:<payload type> <encoding name>/<clock rate>[/<encoding parameters>]}
 * (RFC 8866 §6.6). For audio the encoding parameter is the channel count.
 */
public record RtpMap(int payloadType, String encodingName, int clockRate, OptionalInt channels)
        implements Attribute {
    public RtpMap {
        Check.range(payloadType, 0, 127, "payload type");
        Check.word(encodingName, "encoding name");
        if (encodingName.indexOf('/') >= 0) {
            throw new IllegalArgumentException("encoding name must not contain '/'");
        }
        Check.range(clockRate, 1, Integer.MAX_VALUE, "clock rate");
        if (channels == null) {
            throw new IllegalArgumentException("channels must not be null");
        }
        channels.ifPresent(c -> Check.range(c, 1, Integer.MAX_VALUE, "channels"));
    }

    public RtpMap(int payloadType, String encodingName, int clockRate) {
        this(payloadType, encodingName, clockRate, OptionalInt.empty());
    }

    @Override
    public String attributeName() {
        return "rtpmap";
    }

    @Override
    public void appendTo(StringBuilder sb) {
        sb.append("rtpmap:").append(payloadType).append(' ').append(encodingName).append('/').append(clockRate);
        if (channels.isPresent()) {
            sb.append('/').append(channels.getAsInt());
        }
    }
}
