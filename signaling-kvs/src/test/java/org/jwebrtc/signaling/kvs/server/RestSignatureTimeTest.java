package org.jwebrtc.signaling.kvs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jwebrtc.signaling.kvs.auth.AwsCredentials;
import org.jwebrtc.signaling.kvs.auth.HttpRequestToSign;
import org.jwebrtc.signaling.kvs.auth.SigV4;
import org.jwebrtc.signaling.kvs.auth.SigningParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SigV4 time checks on the REST control plane (header form), over loopback HTTP against the embedded server: a
 * request signed 10 minutes in the past or future (allowed skew 5 min) is refused with the AWS 403 the SDKs
 * recognise, counted, and the server keeps answering correctly signed requests.
 */
class RestSignatureTimeTest {
    private static final AwsCredentials EXAMPLE = AwsCredentials.of(LocalKvsConfig.EXAMPLE_ACCESS_KEY,
            LocalKvsConfig.EXAMPLE_SECRET_KEY);
    private LocalKvsServer server;

    /** An HTTP/1.1 response: status, headers (lower-case names), body. */
    record Response(int statusCode, Map<String, String> headers, String body) {
        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    @BeforeEach
    void start() throws Exception {
        server = LocalKvsServer.start(LocalKvsConfig.builder().build());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aFutureDatedSignatureIsNotYetCurrent() throws Exception {
        Response r = listChannels(Instant.now().plus(Duration.ofMinutes(10)));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.header("x-amzn-ErrorType")).contains("InvalidSignatureException");
        assertThat(r.body()).contains("Signature not yet current");
        assertThat(server.refusedSignatures()).isEqualTo(1);
        assertThat(listChannels(Instant.now()).statusCode()).as("a current signature still works").isEqualTo(200);
        assertThat(server.refusedSignatures()).isEqualTo(1);
    }

    @Test
    void anExpiredSignatureIsRefused() throws Exception {
        Response r = listChannels(Instant.now().minus(Duration.ofMinutes(10)));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.header("x-amzn-ErrorType")).contains("InvalidSignatureException");
        assertThat(r.body()).contains("Signature expired");
        assertThat(server.refusedSignatures()).isEqualTo(1);
        assertThat(listChannels(Instant.now()).statusCode()).as("a current signature still works").isEqualTo(200);
        assertThat(server.refusedSignatures()).isEqualTo(1);
    }

    @Test
    void withinTheAllowedSkewBothWaysIsAccepted() throws Exception {
        assertThat(listChannels(Instant.now().minus(Duration.ofMinutes(3))).statusCode()).isEqualTo(200);
        assertThat(listChannels(Instant.now().plus(Duration.ofMinutes(3))).statusCode()).isEqualTo(200);
        assertThat(server.refusedSignatures()).isZero();
    }

    /** POST /listSignalingChannels signed (header form, as the AWS SDK does) at {@code signedAt}. */
    private Response listChannels(Instant signedAt) throws Exception {
        URI endpoint = server.httpEndpoint();
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String host = endpoint.getHost() + ":" + endpoint.getPort();
        HttpRequestToSign toSign = new HttpRequestToSign("POST", "/listSignalingChannels", List.of(),
                List.of(Map.entry("host", host), Map.entry("content-type", "application/json")), body);
        SigV4.HeaderSigned signed = SigV4.signHeaders(toSign, EXAMPLE, SigningParams.kvs("us-west-2", signedAt));
        StringBuilder head = new StringBuilder("POST /listSignalingChannels HTTP/1.1\r\n")
                .append("host: ").append(host).append("\r\n")
                .append("content-type: application/json\r\n")
                .append("content-length: ").append(body.length).append("\r\n")
                .append("connection: close\r\n");
        for (Map.Entry<String, String> h : signed.headersToAdd()) {
            head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return parse(socket.getInputStream());
        }
    }

    /** Reads the whole response of a {@code connection: close} exchange. */
    private static Response parse(InputStream in) throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        assertThat(end).as("a complete HTTP response: %s", text).isPositive();
        String[] lines = text.substring(0, end).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(end + 4));
    }
}
