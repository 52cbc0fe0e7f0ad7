package org.jwebrtc.signaling.kvs.server;

/**
 * An AWS-shaped error: HTTP status, the exception name sent in {@code x-amzn-ErrorType} and {@code __type},
 * and the message (PROTOCOL.md §1 "Errors").
 */
final class KvsError extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;
    final String type;

    KvsError(int status, String type, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
    }

    static KvsError invalidArgument(String message) {
        return new KvsError(400, "InvalidArgumentException", message);
    }

    static KvsError notFound(String message) {
        return new KvsError(404, "ResourceNotFoundException", message);
    }

    static KvsError inUse(String message) {
        return new KvsError(400, "ResourceInUseException", message);
    }

    static KvsError limit(String message) {
        return new KvsError(400, "ClientLimitExceededException", message);
    }

    static KvsError signature(String message) {
        return new KvsError(403, "InvalidSignatureException", message);
    }
}
