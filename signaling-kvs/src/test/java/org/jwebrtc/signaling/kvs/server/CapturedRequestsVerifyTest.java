package org.jwebrtc.signaling.kvs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jwebrtc.signaling.kvs.auth.HttpRequestToSign;
import org.jwebrtc.signaling.kvs.auth.SigV4;
import org.jwebrtc.testsupport.Json;
import org.jwebrtc.testsupport.SharedFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every request the real AWS SDK for Java 2.40.2 sent (captures/java-sdk-2.40.2) verifies with the local
 * server's SigV4 check at the capture's time, and fails once a byte of the body or a signed header changes.
 */
class CapturedRequestsVerifyTest {
    static Stream<Path> captures() {
        return SharedFiles.list(SharedFiles.kvs("captures", "java-sdk-2.40.2"), ".json").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void sdkSignaturesVerify(Path file) throws Exception {
        Map<String, Object> cap = Json.object(SharedFiles.json(file));
        Map<String, Object> req = Json.object(cap.get("request"));
        Map<String, Object> headers = Json.object(req.get("headers"));
        List<Map.Entry<String, String>> hs = new ArrayList<>();
        headers.forEach((k, v) -> hs.add(Map.entry(k, (String) v)));
        byte[] body = ((String) req.get("body")).getBytes(StandardCharsets.UTF_8);
        String amzDate = (String) headers.get("x-amz-date");
        RequestAuthenticator auth = new RequestAuthenticator(LocalKvsConfig.builder()
                .clock(Clock.fixed(SigV4.parseAmzDate(amzDate).plusSeconds(1), ZoneOffset.UTC))
                .credentials("ASIAEXAMPLE", LocalKvsConfig.EXAMPLE_SECRET_KEY).build());
        HttpRequestToSign good = new HttpRequestToSign((String) req.get("method"), (String) req.get("path"), List.of(),
                hs, body);
        assertThat(auth.verifyHeaderSigned(good).accessKeyId()).startsWith("A");

        byte[] tampered = body.clone();
        if (tampered.length > 0) {
            tampered[tampered.length / 2] ^= 1;
            HttpRequestToSign bad = new HttpRequestToSign(good.method(), good.path(), List.of(), hs, tampered);
            assertThatThrownBy(() -> auth.verifyHeaderSigned(bad)).isInstanceOf(KvsError.class);
        }
        List<Map.Entry<String, String>> otherHost = new ArrayList<>();
        hs.forEach(h -> otherHost.add(h.getKey().equals("host") ? Map.entry("host", "127.0.0.1:1") : h));
        HttpRequestToSign moved = new HttpRequestToSign(good.method(), good.path(), List.of(), otherHost, body);
        assertThatThrownBy(() -> auth.verifyHeaderSigned(moved)).isInstanceOf(KvsError.class)
                .hasMessageContaining("signature we calculated does not match");

        RequestAuthenticator later = new RequestAuthenticator(LocalKvsConfig.builder()
                .clock(Clock.fixed(SigV4.parseAmzDate(amzDate).plus(Duration.ofMinutes(6)), ZoneOffset.UTC))
                .credentials("ASIAEXAMPLE", LocalKvsConfig.EXAMPLE_SECRET_KEY).build());
        assertThatThrownBy(() -> later.verifyHeaderSigned(good)).hasMessageContaining("Signature expired");
    }
}
