package org.jwebrtc.sdp.internal;

import java.util.List;
import org.jwebrtc.sdp.Attribute;
import org.jwebrtc.sdp.Bandwidth;
import org.jwebrtc.sdp.Connection;
import org.jwebrtc.sdp.MediaDescription;
import org.jwebrtc.sdp.Origin;
import org.jwebrtc.sdp.SessionDescription;
import org.jwebrtc.sdp.Timing;

/** Writes a session in RFC 8866 §5 field order with CRLF line ends. */
public final class SdpWriter {
    private static final String CRLF = "\r\n";

    private SdpWriter() {}

    public static String write(SessionDescription sd) {
        int lines = sd.attributes().size() + 8;
        for (MediaDescription m : sd.media()) {
            lines += m.attributes().size() + 2;
        }
        StringBuilder sb = new StringBuilder(lines * 48);
        sb.append("v=").append(sd.version()).append(CRLF);
        Origin o = sd.origin();
        sb.append("o=").append(o.username()).append(' ').append(o.sessionId()).append(' ')
                .append(o.sessionVersion()).append(' ').append(o.netType()).append(' ').append(o.addrType())
                .append(' ').append(o.address()).append(CRLF);
        sb.append("s=").append(sd.sessionName()).append(CRLF);
        if (sd.information().isPresent()) {
            sb.append("i=").append(sd.information().get()).append(CRLF);
        }
        if (sd.uri().isPresent()) {
            sb.append("u=").append(sd.uri().get()).append(CRLF);
        }
        for (String e : sd.emails()) {
            sb.append("e=").append(e).append(CRLF);
        }
        for (String p : sd.phones()) {
            sb.append("p=").append(p).append(CRLF);
        }
        if (sd.connection().isPresent()) {
            connection(sb, sd.connection().get());
        }
        bandwidths(sb, sd.bandwidths());
        for (Timing t : sd.timings()) {
            sb.append("t=").append(t.start()).append(' ').append(t.stop()).append(CRLF);
            for (String r : t.repeats()) {
                sb.append("r=").append(r).append(CRLF);
            }
        }
        if (sd.timeZones().isPresent()) {
            sb.append("z=").append(sd.timeZones().get()).append(CRLF);
        }
        if (sd.key().isPresent()) {
            sb.append("k=").append(sd.key().get()).append(CRLF);
        }
        attributes(sb, sd.attributes());
        for (MediaDescription m : sd.media()) {
            sb.append("m=").append(m.media()).append(' ').append(m.port());
            if (m.portCount().isPresent()) {
                sb.append('/').append(m.portCount().getAsInt());
            }
            sb.append(' ').append(m.protocol());
            for (String f : m.formats()) {
                sb.append(' ').append(f);
            }
            sb.append(CRLF);
            if (m.information().isPresent()) {
                sb.append("i=").append(m.information().get()).append(CRLF);
            }
            for (Connection c : m.connections()) {
                connection(sb, c);
            }
            bandwidths(sb, m.bandwidths());
            if (m.key().isPresent()) {
                sb.append("k=").append(m.key().get()).append(CRLF);
            }
            attributes(sb, m.attributes());
        }
        return sb.toString();
    }

    private static void connection(StringBuilder sb, Connection c) {
        sb.append("c=").append(c.netType()).append(' ').append(c.addrType()).append(' ').append(c.address())
                .append(CRLF);
    }

    private static void bandwidths(StringBuilder sb, List<Bandwidth> bws) {
        for (Bandwidth b : bws) {
            sb.append("b=").append(b.type()).append(':').append(b.bandwidth()).append(CRLF);
        }
    }

    private static void attributes(StringBuilder sb, List<Attribute> attrs) {
        for (int i = 0, n = attrs.size(); i < n; i++) {
            Attribute a = attrs.get(i);
            sb.append(a.lineType()).append('=');
            a.appendTo(sb);
            sb.append(CRLF);
        }
    }
}
