package org.jwebrtc.stun;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** ERROR-CODE (RFC 8489 §14.8): code 300..699 and a UTF-8 reason phrase. */
public record ErrorCode(int code, String reason) implements StunAttribute {
    public static final int TRY_ALTERNATE = 300;
    public static final int BAD_REQUEST = 400;
    public static final int UNAUTHENTICATED = 401;
    public static final int UNKNOWN_ATTRIBUTE = 420;
    public static final int STALE_NONCE = 438;
    public static final int SERVER_ERROR = 500;
    /** RFC 8445 §7.3.1.1: both agents claim the same role. */
    public static final int ROLE_CONFLICT = 487;
    /** Reason phrases are fewer than 128 characters (RFC 8489 §14.8); 763 bytes parse. */
    public static final int MAX_REASON_BYTES = 763;

    public ErrorCode {
        if (code < 300 || code > 699) {
            throw new IllegalArgumentException("error code must be 300..699: " + code);
        }
        Objects.requireNonNull(reason, "reason");
        if (reason.getBytes(StandardCharsets.UTF_8).length > MAX_REASON_BYTES) {
            throw new IllegalArgumentException("reason phrase too long");
        }
    }

    /** The code with the RFC 8489 §14.8 recommended reason phrase. */
    public static ErrorCode of(int code) {
        return new ErrorCode(code, defaultReason(code));
    }

    public static String defaultReason(int code) {
        switch (code) {
            case TRY_ALTERNATE: return "Try Alternate";
            case BAD_REQUEST: return "Bad Request";
            case UNAUTHENTICATED: return "Unauthenticated";
            case UNKNOWN_ATTRIBUTE: return "Unknown Attribute";
            case STALE_NONCE: return "Stale Nonce";
            case ROLE_CONFLICT: return "Role Conflict";
            case SERVER_ERROR: return "Server Error";
            default: return "";
        }
    }

    @Override
    public int type() {
        return StunAttributeType.ERROR_CODE;
    }
}
