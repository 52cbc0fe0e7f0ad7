package org.jwebrtc.signaling.kvs.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4: the header form (control-plane REST calls) and the query-string presigned form (the
 * KVS WebSocket URL). Written from the SigV4 rules and checked against the aws-c-auth test suite and the KVS
 * presign vectors; the local signaling server uses it to verify, clients may use it or the AWS SDK's signer
 * (both give the same bytes).
 */
public final class SigV4 {
    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    public static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    private SigV4() {}

    /** The intermediate texts and the signature, for tests and diagnostics. */
    public record Signature(String canonicalRequest, String stringToSign, String signature, String signedHeaders,
                            String credentialScope) {}

    /** A presigned request: the full query to put on the URL (including X-Amz-Signature). */
    public record Presigned(List<Map.Entry<String, String>> query, Signature signature) {
        /** The query string, encoded, in the order given. */
        public String queryString() {
            StringBuilder sb = new StringBuilder();
            for (Map.Entry<String, String> e : query) {
                if (sb.length() > 0) {
                    sb.append('&');
                }
                sb.append(uriEncode(e.getKey(), true)).append('=').append(uriEncode(e.getValue(), true));
            }
            return sb.toString();
        }
    }

    public static String amzDate(Instant t) {
        return AMZ_DATE.format(t);
    }

    public static Instant parseAmzDate(String s) {
        return Instant.from(AMZ_DATE.parse(s));
    }

    /**
     * Signs with the Authorization header. Returns the headers to add (X-Amz-Date, X-Amz-Security-Token,
     * X-Amz-Content-Sha256 when {@code signBody}, Authorization) and the signature details. Every header of the
     * request is signed.
     */
    public static HeaderSigned signHeaders(HttpRequestToSign req, AwsCredentials creds, SigningParams p) {
        String amzDate = amzDate(p.time());
        String payloadHash = sha256Hex(req.body());
        List<Map.Entry<String, String>> added = new ArrayList<>();
        added.add(Map.entry("X-Amz-Date", amzDate));
        if (p.signSessionToken()) {
            creds.sessionToken().ifPresent(t -> added.add(Map.entry("X-Amz-Security-Token", t)));
        }
        if (p.signBody()) {
            added.add(Map.entry("X-Amz-Content-Sha256", payloadHash));
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>(req.headers());
        headers.addAll(added);
        String scope = scope(amzDate, p.region(), p.service());
        Signature sig = sign(req.method(), canonicalPath(req.path(), p.normalizePath()), canonicalQuery(req.query()),
                headers, null, payloadHash, amzDate, scope, creds.secretAccessKey(), p.region(), p.service());
        if (!p.signSessionToken()) {
            creds.sessionToken().ifPresent(t -> added.add(Map.entry("X-Amz-Security-Token", t)));
        }
        added.add(Map.entry("Authorization", ALGORITHM + " Credential=" + creds.accessKeyId() + "/" + scope
                + ", SignedHeaders=" + sig.signedHeaders() + ", Signature=" + sig.signature()));
        return new HeaderSigned(List.copyOf(added), sig);
    }

    /** The headers to add to a request (X-Amz-Date, token, content hash, Authorization) and the signature. */
    public record HeaderSigned(List<Map.Entry<String, String>> headersToAdd, Signature signature) {
        public String authorization() {
            return headersToAdd.get(headersToAdd.size() - 1).getValue();
        }
    }

    /**
     * Presigns in the query string (SigV4 "query auth"), as KVS requires for ConnectAsMaster/ConnectAsViewer:
     * every header of the request is signed (for KVS just {@code host}, including the port), the session token
     * is part of the canonical query, and the payload hash is that of the body (the empty string for KVS).
     */
    public static Presigned presign(HttpRequestToSign req, AwsCredentials creds, SigningParams p, Duration expires) {
        String amzDate = amzDate(p.time());
        String scope = scope(amzDate, p.region(), p.service());
        String signedHeaders = signedHeaderNames(req.headers());
        List<Map.Entry<String, String>> query = new ArrayList<>(req.query());
        query.add(Map.entry("X-Amz-Algorithm", ALGORITHM));
        query.add(Map.entry("X-Amz-Credential", creds.accessKeyId() + "/" + scope));
        query.add(Map.entry("X-Amz-Date", amzDate));
        query.add(Map.entry("X-Amz-Expires", Long.toString(expires.toSeconds())));
        query.add(Map.entry("X-Amz-SignedHeaders", signedHeaders));
        if (p.signSessionToken()) {
            creds.sessionToken().ifPresent(t -> query.add(Map.entry("X-Amz-Security-Token", t)));
        }
        String payloadHash = sha256Hex(req.body());
        Signature sig = sign(req.method(), canonicalPath(req.path(), p.normalizePath()), canonicalQuery(query),
                req.headers(), signedHeaders, payloadHash, amzDate, scope, creds.secretAccessKey(), p.region(),
                p.service());
        if (!p.signSessionToken()) {
            creds.sessionToken().ifPresent(t -> query.add(Map.entry("X-Amz-Security-Token", t)));
        }
        query.add(Map.entry("X-Amz-Signature", sig.signature()));
        return new Presigned(List.copyOf(query), sig);
    }

    /**
     * The signature over {@code headers} restricted to {@code signedHeaders} (all of them when null). Public so
     * a verifier can recompute what a client signed.
     */
    public static Signature sign(String method, String canonicalPath, String canonicalQuery,
                                 List<Map.Entry<String, String>> headers, String signedHeaders, String payloadHash,
                                 String amzDate, String scope, String secretKey, String region, String service) {
        TreeMap<String, List<String>> byName = new TreeMap<>();
        for (Map.Entry<String, String> h : headers) {
            byName.computeIfAbsent(h.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(canonicalHeaderValue(h.getValue()));
        }
        List<String> names = signedHeaders == null ? new ArrayList<>(byName.keySet())
                : List.of(signedHeaders.split(";"));
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String n : names) {
            List<String> values = byName.getOrDefault(n, List.of());
            canonicalHeaders.append(n).append(':').append(String.join(",", values)).append('\n');
        }
        String signed = String.join(";", names);
        String canonicalRequest = method + "\n" + canonicalPath + "\n" + canonicalQuery + "\n"
                + canonicalHeaders + "\n" + signed + "\n" + payloadHash;
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n"
                + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        byte[] key = signingKey(secretKey, amzDate.substring(0, 8), region, service);
        String signature = HEX.formatHex(hmac(key, stringToSign));
        return new Signature(canonicalRequest, stringToSign, signature, signed, scope);
    }

    public static String scope(String amzDate, String region, String service) {
        return amzDate.substring(0, 8) + "/" + region + "/" + service + "/aws4_request";
    }

    public static byte[] signingKey(String secret, String yyyymmdd, String region, String service) {
        byte[] k = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), yyyymmdd);
        k = hmac(k, region);
        k = hmac(k, service);
        return hmac(k, "aws4_request");
    }

    /** Lower-case header names, sorted, joined by ';'. */
    public static String signedHeaderNames(List<Map.Entry<String, String>> headers) {
        return String.join(";", headers.stream()
                .map(h -> h.getKey().toLowerCase(Locale.ROOT)).distinct().sorted().toList());
    }

    /** Path per SigV4: optionally normalised (dot segments, repeated slashes), each segment URI-encoded. */
    public static String canonicalPath(String rawPath, boolean normalize) {
        String path = rawPath.isEmpty() ? "/" : rawPath;
        if (normalize) {
            path = normalizePath(path);
        }
        StringBuilder sb = new StringBuilder();
        int start = 0;
        for (int i = 0; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '/') {
                sb.append(uriEncode(path.substring(start, i), true));
                if (i < path.length()) {
                    sb.append('/');
                }
                start = i + 1;
            }
        }
        return sb.toString();
    }

    private static String normalizePath(String path) {
        boolean trailingSlash = path.endsWith("/");
        Deque<String> out = new ArrayDeque<>();
        for (String seg : path.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                out.pollLast();
            } else {
                out.addLast(seg);
            }
        }
        String joined = "/" + String.join("/", out);
        return trailingSlash && !joined.endsWith("/") ? joined + "/" : joined;
    }

    /** Canonical query: encoded names and values, sorted by name then value. */
    public static String canonicalQuery(List<Map.Entry<String, String>> params) {
        List<String[]> encoded = new ArrayList<>();
        for (Map.Entry<String, String> p : params) {
            encoded.add(new String[] {uriEncode(p.getKey(), true), uriEncode(p.getValue(), true)});
        }
        encoded.sort(Comparator.<String[], String>comparing(a -> a[0]).thenComparing(a -> a[1]));
        StringBuilder sb = new StringBuilder();
        for (String[] kv : encoded) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(kv[0]).append('=').append(kv[1]);
        }
        return sb.toString();
    }

    /** RFC 3986 percent-encoding of everything but unreserved characters (and '/' when {@code encodeSlash} is false). */
    public static String uriEncode(String s, boolean encodeSlash) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~' || (c == '/' && !encodeSlash)) {
                sb.append(c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    /** Trim, and collapse runs of white space (including folded continuation lines) to one space. */
    static String canonicalHeaderValue(String v) {
        return v.trim().replaceAll("\\s+", " ");
    }

    public static String sha256Hex(byte[] data) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 missing from the JDK", e);
        }
    }

    /** Constant-time comparison of two hex signatures. */
    public static boolean signaturesEqual(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
