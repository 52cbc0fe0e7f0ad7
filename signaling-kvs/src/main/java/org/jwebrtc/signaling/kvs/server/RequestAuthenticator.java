package org.jwebrtc.signaling.kvs.server;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jwebrtc.signaling.kvs.auth.HttpRequestToSign;
import org.jwebrtc.signaling.kvs.auth.SigV4;

/**
 * Verifies SigV4 the way the service does: the header form on REST calls, the presigned query form on the
 * WebSocket upgrade. Whatever headers the client listed in SignedHeaders are checked (PROTOCOL.md §1), the
 * body hash is recomputed, and the time must be within the allowed skew (or the presign's expiry). Failures are
 * 403s with the AWS messages the C SDK looks for ("Signature expired", "Signature not yet current").
 */
final class RequestAuthenticator {
    private final LocalKvsConfig config;
    /** Requests refused by the SigV4 check (any form, any reason), for {@link LocalKvsServer#refusedSignatures}. */
    private final java.util.concurrent.atomic.LongAdder refused = new java.util.concurrent.atomic.LongAdder();

    RequestAuthenticator(LocalKvsConfig config) {
        this.config = config;
    }

    /** A verified caller: the access key that signed. */
    record Caller(String accessKeyId) {}

    long refused() {
        return refused.sum();
    }

    Caller verifyHeaderSigned(HttpRequestToSign req) throws KvsError {
        try {
            return headerSigned(req);
        } catch (KvsError e) {
            refused.increment();
            throw e;
        }
    }

    Caller verifyPresigned(HttpRequestToSign req) throws KvsError {
        try {
            return presigned(req);
        } catch (KvsError e) {
            refused.increment();
            throw e;
        }
    }

    private Caller headerSigned(HttpRequestToSign req) throws KvsError {
        String auth = req.header("Authorization");
        if (auth == null || !auth.startsWith(SigV4.ALGORITHM + " ")) {
            throw new KvsError(403, "MissingAuthenticationTokenException", "Missing Authentication Token");
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        for (String part : auth.substring(SigV4.ALGORITHM.length() + 1).split(",")) {
            String p = part.trim();
            if (p.startsWith("Credential=")) {
                credential = p.substring(11);
            } else if (p.startsWith("SignedHeaders=")) {
                signedHeaders = p.substring(14);
            } else if (p.startsWith("Signature=")) {
                signature = p.substring(10);
            }
        }
        if (credential == null || signedHeaders == null || signature == null) {
            throw new KvsError(400, "IncompleteSignatureException", "Authorization header is incomplete");
        }
        String amzDate = req.header("X-Amz-Date");
        if (amzDate == null) {
            throw new KvsError(400, "IncompleteSignatureException", "X-Amz-Date is required");
        }
        Instant signedAt = parseDate(amzDate);
        checkFresh(amzDate, signedAt, signedAt.plus(config.allowedClockSkew()));
        String bodyHash = SigV4.sha256Hex(req.body());
        String claimed = req.header("X-Amz-Content-Sha256");
        if (claimed != null && !claimed.equals(bodyHash) && !claimed.equals("UNSIGNED-PAYLOAD")) {
            throw KvsError.signature("The provided x-amz-content-sha256 header does not match what was computed.");
        }
        String payloadHash = claimed != null ? claimed : bodyHash;
        check(req, req.query(), credential, signedHeaders, signature, amzDate, payloadHash);
        return new Caller(credential.substring(0, credential.indexOf('/')));
    }

    private Caller presigned(HttpRequestToSign req) throws KvsError {
        String algorithm = req.queryParam("X-Amz-Algorithm");
        String credential = req.queryParam("X-Amz-Credential");
        String amzDate = req.queryParam("X-Amz-Date");
        String expires = req.queryParam("X-Amz-Expires");
        String signedHeaders = req.queryParam("X-Amz-SignedHeaders");
        String signature = req.queryParam("X-Amz-Signature");
        if (!SigV4.ALGORITHM.equals(algorithm) || credential == null || amzDate == null || expires == null
                || signedHeaders == null || signature == null) {
            throw new KvsError(403, "MissingAuthenticationTokenException",
                    "The request must be presigned with SigV4 (X-Amz-Algorithm, Credential, Date, Expires, "
                            + "SignedHeaders, Signature)");
        }
        long expirySeconds;
        try {
            expirySeconds = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            throw KvsError.invalidArgument("X-Amz-Expires is not a number");
        }
        if (expirySeconds < 1 || expirySeconds > 604_800) {
            throw KvsError.invalidArgument("X-Amz-Expires must be 1-604800 seconds");
        }
        Instant signedAt = parseDate(amzDate);
        checkFresh(amzDate, signedAt, signedAt.plusSeconds(expirySeconds));
        List<Map.Entry<String, String>> query = new ArrayList<>();
        for (Map.Entry<String, String> q : req.query()) {
            if (!q.getKey().equals("X-Amz-Signature")) {
                query.add(q);
            }
        }
        check(req, query, credential, signedHeaders, signature, amzDate, SigV4.sha256Hex(req.body()));
        return new Caller(credential.substring(0, credential.indexOf('/')));
    }

    private void check(HttpRequestToSign req, List<Map.Entry<String, String>> query, String credential,
                       String signedHeaders, String signature, String amzDate, String payloadHash) throws KvsError {
        String[] scope = credential.split("/");
        if (scope.length != 5 || !scope[4].equals("aws4_request")) {
            throw new KvsError(400, "IncompleteSignatureException", "Credential is not AKID/date/region/service/aws4_request");
        }
        String secret = config.credentials().get(scope[0]);
        if (secret == null) {
            throw new KvsError(403, "UnrecognizedClientException",
                    "The security token included in the request is invalid.");
        }
        if (!scope[1].equals(amzDate.substring(0, 8))) {
            throw KvsError.signature("Credential should be scoped to a valid date: " + amzDate.substring(0, 8));
        }
        if (!scope[2].equals(config.region())) {
            throw KvsError.signature("Credential should be scoped to a valid region, not '" + scope[2] + "'.");
        }
        if (!scope[3].equals("kinesisvideo")) {
            throw KvsError.signature("Credential should be scoped to correct service: 'kinesisvideo'.");
        }
        for (String h : signedHeaders.split(";")) {
            if (req.header(h) == null) {
                throw KvsError.signature("Signed header " + h + " is missing from the request");
            }
        }
        if (!(";" + signedHeaders + ";").contains(";host;")) {
            throw KvsError.signature("The host header must be signed");
        }
        SigV4.Signature expected = SigV4.sign(req.method(), SigV4.canonicalPath(req.path(), true),
                SigV4.canonicalQuery(query), req.headers(), signedHeaders, payloadHash, amzDate,
                SigV4.scope(amzDate, scope[2], scope[3]), secret, scope[2], scope[3]);
        if (!SigV4.signaturesEqual(expected.signature(), signature)) {
            throw KvsError.signature("The request signature we calculated does not match the signature you "
                    + "provided. Check your AWS Secret Access Key and signing method.");
        }
    }

    private void checkFresh(String amzDate, Instant signedAt, Instant validUntil) throws KvsError {
        Instant now = config.clock().instant();
        Duration skew = config.allowedClockSkew();
        if (now.isAfter(validUntil)) {
            throw KvsError.signature("Signature expired: " + amzDate + " is now earlier than "
                    + SigV4.amzDate(now.minus(skew)) + " (" + SigV4.amzDate(now) + " - " + skew.toMinutes() + " min.)");
        }
        if (signedAt.isAfter(now.plus(skew))) {
            throw KvsError.signature("Signature not yet current: " + amzDate + " is still later than "
                    + SigV4.amzDate(now.plus(skew)) + " (" + SigV4.amzDate(now) + " + " + skew.toMinutes() + " min.)");
        }
    }

    private static Instant parseDate(String amzDate) throws KvsError {
        try {
            return SigV4.parseAmzDate(amzDate);
        } catch (DateTimeParseException e) {
            throw new KvsError(400, "IncompleteSignatureException", "X-Amz-Date is not yyyyMMdd'T'HHmmss'Z'");
        }
    }
}
