package org.jwebrtc.sdp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jwebrtc.sdp.internal.Check;

/**
 * {@code a=fmtp:<format> <format specific parameters>} (RFC 8866 §6.15). The parameter text is
 * kept verbatim (its syntax belongs to each media type); {@link #parameters()} reads the common
 * {@code key=value;key=value} form.
 */
public record Fmtp(int payloadType, String parameters) implements Attribute {
    public Fmtp {
        Check.range(payloadType, 0, 127, "payload type");
        Check.value(parameters, "fmtp parameters");
    }

    /**
     * The {@code ;}-separated parameters as an ordered map; names are lower-cased (media type
     * parameter names are case-insensitive, RFC 6838 §4.3), a bare item maps to {@code ""}.
     */
    public Map<String, String> parameterMap() {
        Map<String, String> m = new LinkedHashMap<>();
        int i = 0;
        int n = parameters.length();
        while (i <= n) {
            int semi = parameters.indexOf(';', i);
            if (semi < 0) {
                semi = n;
            }
            String item = parameters.substring(i, semi).trim();
            if (!item.isEmpty()) {
                int eq = item.indexOf('=');
                if (eq < 0) {
                    m.put(item.toLowerCase(Locale.ROOT), "");
                } else {
                    m.put(item.substring(0, eq).trim().toLowerCase(Locale.ROOT), item.substring(eq + 1).trim());
                }
            }
            i = semi + 1;
        }
        return Collections.unmodifiableMap(m);
    }

    /** One parameter by (case-insensitive) name. */
    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameterMap().get(name.toLowerCase(Locale.ROOT)));
    }

    @Override
    public String attributeName() {
        return "fmtp";
    }

    @Override
    public void appendTo(StringBuilder sb) {
        sb.append("fmtp:").append(payloadType).append(' ').append(parameters);
    }
}
