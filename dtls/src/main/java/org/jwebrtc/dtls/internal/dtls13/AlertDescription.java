package org.jwebrtc.dtls.internal.dtls13;

/** AlertDescription values (RFC 8446 §6). */
public final class AlertDescription {
    public static final int CLOSE_NOTIFY = 0;
    public static final int UNEXPECTED_MESSAGE = 10;
    public static final int BAD_RECORD_MAC = 20;
    public static final int HANDSHAKE_FAILURE = 40;
    public static final int BAD_CERTIFICATE = 42;
    public static final int UNSUPPORTED_CERTIFICATE = 43;
    public static final int ILLEGAL_PARAMETER = 47;
    public static final int DECODE_ERROR = 50;
    public static final int DECRYPT_ERROR = 51;
    public static final int PROTOCOL_VERSION = 70;
    public static final int INTERNAL_ERROR = 80;
    public static final int USER_CANCELED = 90;
    public static final int MISSING_EXTENSION = 109;
    public static final int UNSUPPORTED_EXTENSION = 110;
    public static final int CERTIFICATE_REQUIRED = 116;

    private AlertDescription() {
    }

    public static String text(int d) {
        return switch (d) {
            case CLOSE_NOTIFY -> "close_notify(0)";
            case UNEXPECTED_MESSAGE -> "unexpected_message(10)";
            case BAD_RECORD_MAC -> "bad_record_mac(20)";
            case HANDSHAKE_FAILURE -> "handshake_failure(40)";
            case BAD_CERTIFICATE -> "bad_certificate(42)";
            case UNSUPPORTED_CERTIFICATE -> "unsupported_certificate(43)";
            case ILLEGAL_PARAMETER -> "illegal_parameter(47)";
            case DECODE_ERROR -> "decode_error(50)";
            case DECRYPT_ERROR -> "decrypt_error(51)";
            case PROTOCOL_VERSION -> "protocol_version(70)";
            case INTERNAL_ERROR -> "internal_error(80)";
            case USER_CANCELED -> "user_canceled(90)";
            case MISSING_EXTENSION -> "missing_extension(109)";
            case UNSUPPORTED_EXTENSION -> "unsupported_extension(110)";
            case CERTIFICATE_REQUIRED -> "certificate_required(116)";
            default -> "alert(" + d + ")";
        };
    }
}
