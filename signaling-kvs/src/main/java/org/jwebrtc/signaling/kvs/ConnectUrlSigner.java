package org.jwebrtc.signaling.kvs;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jwebrtc.signaling.kvs.auth.SigV4;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The SigV4 query-presigned WebSocket URL of ConnectAsMaster / ConnectAsViewer (PROTOCOL.md §3), signed by the
 * AWS SDK's {@link AwsV4HttpSigner} (query location, payload signing on, 299 s) and laid out as the official JS
 * SDK does: parameters sorted, signature last. The result matches the JS SDK's URLs byte for byte.
 */
public final class ConnectUrlSigner {
    /** JS SDK value; the service refuses more than 300 s. */
    public static final Duration EXPIRES = Duration.ofSeconds(299);

    private ConnectUrlSigner() {}

    /**
     * @param wssEndpoint {@code wss://host} (or {@code ws://127.0.0.1:port} for a local server), no path
     * @param clientId present for a viewer, absent for the master
     */
    public static URI sign(URI wssEndpoint, String channelArn, Optional<String> clientId,
                           AwsCredentialsIdentity credentials, String region, Instant now) {
        String httpScheme = "wss".equals(wssEndpoint.getScheme()) ? "https" : "http";
        SdkHttpRequest.Builder b = SdkHttpRequest.builder()
                .method(SdkHttpMethod.GET)
                .protocol(httpScheme)
                .host(wssEndpoint.getHost())
                .encodedPath("/")
                .putRawQueryParameter("X-Amz-ChannelARN", channelArn);
        if (wssEndpoint.getPort() != -1) {
            b.port(wssEndpoint.getPort());
        }
        clientId.ifPresent(id -> b.putRawQueryParameter("X-Amz-ClientId", id));
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(credentials)
                .request(b.build())
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "kinesisvideo")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4HttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, EXPIRES)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(now, ZoneOffset.UTC)));
        List<Map.Entry<String, String>> params = new ArrayList<>();
        String signature = null;
        for (Map.Entry<String, List<String>> e : signed.request().rawQueryParameters().entrySet()) {
            for (String v : e.getValue()) {
                if (e.getKey().equals("X-Amz-Signature")) {
                    signature = v;
                } else {
                    params.add(Map.entry(e.getKey(), v));
                }
            }
        }
        if (signature == null) {
            throw new IllegalStateException("the AWS signer produced no X-Amz-Signature");
        }
        String base = wssEndpoint.toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + "/?" + SigV4.canonicalQuery(params) + "&X-Amz-Signature=" + signature);
    }
}
