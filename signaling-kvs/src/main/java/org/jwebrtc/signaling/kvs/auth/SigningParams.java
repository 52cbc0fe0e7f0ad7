package org.jwebrtc.signaling.kvs.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * Where and how to sign. {@code signBody} adds X-Amz-Content-Sha256 (the AWS SDK does this for KVS);
 * {@code normalizePath} removes dot segments and repeated slashes (every service but S3);
 * {@code signSessionToken} false adds the token after signing, as STS-style "token after" signers do.
 */
public record SigningParams(String region, String service, Instant time, boolean signBody, boolean normalizePath,
                            boolean signSessionToken) {
    public SigningParams {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(time, "time");
    }

    /** KVS: service {@code kinesisvideo}, body hash signed, normalised paths, token signed. */
    public static SigningParams kvs(String region, Instant time) {
        return new SigningParams(region, "kinesisvideo", time, true, true, true);
    }
}
