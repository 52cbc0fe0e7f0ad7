package org.jwebrtc.signaling.kvs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jwebrtc.signaling.kvs.auth.AwsCredentials;
import org.jwebrtc.signaling.kvs.auth.HttpRequestToSign;
import org.jwebrtc.signaling.kvs.auth.SigV4;
import org.jwebrtc.signaling.kvs.auth.SigningParams;
import org.jwebrtc.testsupport.Json;
import org.jwebrtc.testsupport.SharedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/** KVS connect-URL vectors (captures/presign-vectors.json and the JS SDK's captured URLs), byte for byte. */
class PresignVectorsTest {
    static Stream<Map<String, Object>> vectors() {
        Map<String, Object> file = Json.object(SharedFiles.json(SharedFiles.kvs("captures", "presign-vectors.json")));
        return Json.array(file.get("vectors")).stream().map(Json::object);
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("vectors")
    void theSdkSignerGivesTheVectorUrl(Map<String, Object> v) {
        Map<String, Object> q = Json.object(v.get("query"));
        Instant date = SigV4.parseAmzDate((String) v.get("date"));
        String token = (String) q.get("X-Amz-Security-Token");
        AwsCredentialsIdentity creds = token == null
                ? AwsCredentialsIdentity.create((String) v.get("accessKeyId"), (String) v.get("secretAccessKey"))
                : AwsSessionCredentialsIdentity.create((String) v.get("accessKeyId"),
                        (String) v.get("secretAccessKey"), token);
        URI url = ConnectUrlSigner.sign(URI.create("wss://" + v.get("host")), (String) q.get("X-Amz-ChannelARN"),
                Optional.ofNullable((String) q.get("X-Amz-ClientId")), creds, (String) v.get("region"), date);
        assertThat(url.toString()).isEqualTo(v.get("url"));
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("vectors")
    void ourSigV4GivesTheVectorTexts(Map<String, Object> v) {
        Map<String, Object> q = Json.object(v.get("query"));
        List<Map.Entry<String, String>> query = new ArrayList<>();
        query.add(Map.entry("X-Amz-ChannelARN", (String) q.get("X-Amz-ChannelARN")));
        if (q.get("X-Amz-ClientId") != null) {
            query.add(Map.entry("X-Amz-ClientId", (String) q.get("X-Amz-ClientId")));
        }
        HttpRequestToSign req = new HttpRequestToSign("GET", "/", query,
                List.of(Map.entry("host", (String) v.get("host"))), new byte[0]);
        AwsCredentials creds = AwsCredentials.of((String) v.get("accessKeyId"), (String) v.get("secretAccessKey"),
                (String) q.get("X-Amz-Security-Token"));
        SigV4.Presigned p = SigV4.presign(req, creds,
                SigningParams.kvs((String) v.get("region"), SigV4.parseAmzDate((String) v.get("date"))),
                Duration.ofSeconds(299));
        assertThat(p.signature().canonicalRequest()).isEqualTo(v.get("canonicalRequest"));
        assertThat(p.signature().stringToSign()).isEqualTo(v.get("stringToSign"));
        assertThat(p.signature().signature()).isEqualTo(v.get("signature"));
    }

    private static List<String> sortedParams(String pathAndQuery) {
        return Stream.of(pathAndQuery.substring(pathAndQuery.indexOf('?') + 1).split("&")).sorted().toList();
    }

    /** The URLs the official JS SDK 2.9.0 opened against a local router, recomputed from their own fields. */
    @Test
    void capturedJsSdkUrlsAreReproduced() {
        int checked = 0;
        for (String line : SharedFiles.text(SharedFiles.kvs("captures", "js-sdk-2.9.0", "master-2-viewers.jsonl"))
                .split("\n")) {
            if (!line.contains("\"server-connect\"")) {
                continue;
            }
            Map<String, Object> ev = Json.object(Json.parse(line));
            Map<String, Object> q = Json.object(ev.get("query"));
            String host = (String) Json.object(ev.get("headers")).get("host");
            URI url = ConnectUrlSigner.sign(URI.create("ws://" + host), (String) q.get("X-Amz-ChannelARN"),
                    Optional.ofNullable((String) q.get("X-Amz-ClientId")),
                    AwsCredentialsIdentity.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
                    "us-west-2", SigV4.parseAmzDate((String) q.get("X-Amz-Date")));
            // JS SDK 2.9.0 sorts X-Amz-Signature in with the rest; the vectors file puts it last. Order is free.
            assertThat(sortedParams(url.getRawPath() + "?" + url.getRawQuery()))
                    .isEqualTo(sortedParams((String) ev.get("rawUrl")));
            assertThat(url.getRawQuery()).contains("X-Amz-Signature=" + q.get("X-Amz-Signature"));
            checked++;
        }
        assertThat(checked).isEqualTo(3);
    }
}
