package org.jwebrtc.signaling.kvs.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jwebrtc.testsupport.Json;
import org.jwebrtc.testsupport.SharedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The AWS SigV4 test suite (aws-c-auth, 38 cases), both the header form and the presigned query form. */
class SigV4SuiteVectorsTest {
    static Stream<Path> cases() throws Exception {
        try (Stream<Path> s = Files.list(SharedFiles.vectors("sigv4", "aws-c-auth-v4"))) {
            return s.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    @Test
    void theSuiteHasAllItsCases() throws Exception {
        assertThat(cases()).hasSize(38);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void headerSigningMatches(Path dir) {
        Case c = Case.load(dir);
        SigV4.HeaderSigned signed = SigV4.signHeaders(c.request, c.creds, c.params());
        assertThat(signed.signature().canonicalRequest()).isEqualTo(c.text("header-canonical-request.txt"));
        assertThat(signed.signature().stringToSign()).isEqualTo(c.text("header-string-to-sign.txt"));
        assertThat(signed.signature().signature()).isEqualTo(c.text("header-signature.txt"));
        assertThat(c.text("header-signed-request.txt")).contains("Authorization:" + signed.authorization());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void queryPresigningMatches(Path dir) {
        Case c = Case.load(dir);
        SigV4.Presigned p = SigV4.presign(c.request, c.creds, c.params(), Duration.ofSeconds(c.expires));
        assertThat(p.signature().canonicalRequest()).isEqualTo(c.text("query-canonical-request.txt"));
        assertThat(p.signature().stringToSign()).isEqualTo(c.text("query-string-to-sign.txt"));
        assertThat(p.signature().signature()).isEqualTo(c.text("query-signature.txt"));
        assertThat(c.text("query-signed-request.txt")).contains("X-Amz-Signature=" + p.signature().signature());
    }

    /** One folder of the suite. */
    record Case(Path dir, HttpRequestToSign request, AwsCredentials creds, String region, String service,
                Instant time, boolean signBody, boolean normalize, long expires, boolean omitToken) {
        SigningParams params() {
            return new SigningParams(region, service, time, signBody, normalize, !omitToken);
        }

        static Case load(Path dir) {
            Map<String, Object> ctx = Json.object(SharedFiles.json(dir.resolve("context.json")));
            Map<String, Object> cr = Json.object(ctx.get("credentials"));
            AwsCredentials creds = AwsCredentials.of((String) cr.get("access_key_id"),
                    (String) cr.get("secret_access_key"), (String) cr.get("token"));
            return new Case(dir, parseRequest(SharedFiles.bytes(dir.resolve("request.txt"))), creds,
                    (String) ctx.get("region"), (String) ctx.get("service"),
                    Instant.parse((String) ctx.get("timestamp")), Boolean.TRUE.equals(ctx.get("sign_body")),
                    !Boolean.FALSE.equals(ctx.get("normalize")), ((Number) ctx.get("expiration_in_seconds")).longValue(),
                    Boolean.TRUE.equals(ctx.get("omit_session_token")));
        }

        String text(String file) {
            return SharedFiles.text(dir.resolve(file));
        }

        @Override
        public String toString() {
            return dir.getFileName().toString();
        }
    }

    static HttpRequestToSign parseRequest(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        int headerEnd = text.indexOf("\n\n");
        String head = headerEnd < 0 ? text : text.substring(0, headerEnd);
        byte[] body = headerEnd < 0 ? new byte[0]
                : text.substring(headerEnd + 2).getBytes(StandardCharsets.UTF_8);
        String[] lines = head.split("\n");
        String requestLine = lines[0];
        String method = requestLine.substring(0, requestLine.indexOf(' '));
        String target = requestLine.substring(method.length() + 1, requestLine.lastIndexOf(" HTTP/"));
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        List<Map.Entry<String, String>> query = new ArrayList<>();
        if (q >= 0) {
            for (String kv : target.substring(q + 1).split("&")) {
                int eq = kv.indexOf('=');
                query.add(Map.entry(percentDecode(eq < 0 ? kv : kv.substring(0, eq)),
                        eq < 0 ? "" : percentDecode(kv.substring(eq + 1))));
            }
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (!line.isEmpty() && Character.isWhitespace(line.charAt(0)) && !headers.isEmpty()) {
                Map.Entry<String, String> last = headers.remove(headers.size() - 1);
                headers.add(Map.entry(last.getKey(), last.getValue() + " " + line.trim()));
            } else if (!line.isEmpty()) {
                int colon = line.indexOf(':');
                headers.add(Map.entry(line.substring(0, colon), line.substring(colon + 1)));
            }
        }
        return new HttpRequestToSign(method, path, query, headers, body);
    }

    static String percentDecode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '%' && i + 2 < b.length) {
                out.write(Integer.parseInt(new String(b, i + 1, 2, StandardCharsets.US_ASCII), 16));
                i += 2;
            } else {
                out.write(b[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
