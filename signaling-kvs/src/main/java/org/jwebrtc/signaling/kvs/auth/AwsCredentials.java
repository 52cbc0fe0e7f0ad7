package org.jwebrtc.signaling.kvs.auth;

import java.util.Objects;
import java.util.Optional;

/** An access key pair and, for temporary credentials, the session token (signed as X-Amz-Security-Token). */
public record AwsCredentials(String accessKeyId, String secretAccessKey, Optional<String> sessionToken) {
    public AwsCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(sessionToken, "sessionToken");
    }

    public static AwsCredentials of(String accessKeyId, String secretAccessKey) {
        return new AwsCredentials(accessKeyId, secretAccessKey, Optional.empty());
    }

    public static AwsCredentials of(String accessKeyId, String secretAccessKey, String sessionToken) {
        return new AwsCredentials(accessKeyId, secretAccessKey, Optional.ofNullable(sessionToken));
    }

    @Override
    public String toString() {
        return "AwsCredentials[" + accessKeyId + ", secret=***" + (sessionToken.isPresent() ? ", token=***" : "") + "]";
    }
}
