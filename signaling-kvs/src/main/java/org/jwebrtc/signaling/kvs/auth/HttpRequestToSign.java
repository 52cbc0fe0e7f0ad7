package org.jwebrtc.signaling.kvs.auth;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What SigV4 looks at in a request: method, the path as it appears on the request line, the query as decoded
 * name/value pairs (order irrelevant), the headers as sent (names in any case, repeats allowed) and the body.
 */
public record HttpRequestToSign(String method, String path, List<Map.Entry<String, String>> query,
                                List<Map.Entry<String, String>> headers, byte[] body) {
    public HttpRequestToSign {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = List.copyOf(query);
        headers = List.copyOf(headers);
        body = body == null ? new byte[0] : body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The first header named {@code name} (case-insensitive), or null. */
    public String header(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    /** The first query parameter named exactly {@code name}, or null. */
    public String queryParam(String name) {
        for (Map.Entry<String, String> q : query) {
            if (q.getKey().equals(name)) {
                return q.getValue();
            }
        }
        return null;
    }
}
