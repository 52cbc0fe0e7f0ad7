package org.jwebrtc.sdp.internal;

import java.util.Optional;

/**
 * Well-known SDP words (feedback types, codec names, address fields, header extension URIs,
 * small payload type numbers) returned as shared constants instead of fresh substrings. A browser
 * offer repeats these dozens of times; sharing them roughly halves the parser's allocation.
 * Immutable after class init, so safe to share between threads.
 */
final class Tokens {
    private Tokens() {}

    private static final String[] WORDS = {
        "nack", "pli", "ccm", "fir", "goog-remb", "transport-cc", "trr-int", "rpsi", "sli", "tmmbr",
        "rtx", "H264", "VP8", "VP9", "AV1", "opus", "red", "ulpfec", "flexfec-03", "PCMU", "PCMA", "G722", "CN",
        "telephone-event", "ILBC", "ISAC", "cname", "msid", "label", "mslabel", "IN", "IP4", "IP6", "0.0.0.0", "::",
        "127.0.0.1", "sha-256", "sha-1", "sha-384", "sha-512", "trickle", "ice2", "-", "BUNDLE", "LS", "FID", "SIM",
        "FEC-FR", "udp", "UDP", "tcp", "TCP", "audio", "video", "application", "UDP/TLS/RTP/SAVPF", "RTP/SAVPF",
        "RTP/AVP", "RTP/AVPF", "UDP/DTLS/SCTP", "DTLS/SCTP", "webrtc-datachannel", "send", "recv",
        "apt=96", "profile-id=0", "profile-id=2", "minptime=10;useinbandfec=1",
        "urn:ietf:params:rtp-hdrext:ssrc-audio-level",
        "urn:ietf:params:rtp-hdrext:csrc-audio-level",
        "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
        "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01",
        "urn:ietf:params:rtp-hdrext:sdes:mid",
        "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id",
        "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id",
        "urn:ietf:params:rtp-hdrext:toffset",
        "urn:3gpp:video-orientation",
        "http://www.webrtc.org/experiments/rtp-hdrext/playout-delay",
        "http://www.webrtc.org/experiments/rtp-hdrext/video-content-type",
        "http://www.webrtc.org/experiments/rtp-hdrext/video-timing",
        "http://www.webrtc.org/experiments/rtp-hdrext/color-space",
        "http://www.webrtc.org/experiments/rtp-hdrext/abs-capture-time",
        "https://aomediacodec.github.io/av1-rtp-spec/#dependency-descriptor-rtp-header-extension",
    };

    private static final String[] ALL = all();
    private static final WordTable TABLE = new WordTable(ALL);
    private static final Optional<String>[] OPTIONALS = optionals();

    private static String[] all() {
        String[] all = new String[128 + WORDS.length];
        for (int i = 0; i < 128; i++) {   // payload types, format lists, small numbers
            all[i] = Integer.toString(i);
        }
        System.arraycopy(WORDS, 0, all, 128, WORDS.length);
        return all;
    }

    @SuppressWarnings("unchecked")
    private static Optional<String>[] optionals() {
        Optional<String>[] o = new Optional[ALL.length];
        for (int i = 0; i < ALL.length; i++) {
            o[i] = Optional.of(ALL[i]);
        }
        return o;
    }

    private static int find(char[] s, int start, int end) {
        int len = end - start;
        char c0 = s[start];
        if (len <= 3 && c0 >= '0' && c0 <= '9') {   // payload type numbers: index them directly
            return number(s, start, end);
        }
        return TABLE.find(s, start, end);
    }

    /** The index of a canonical decimal 0-127 (no leading zero), or -1. */
    private static int number(char[] s, int start, int end) {
        if (s[start] == '0' && end - start > 1) {
            return -1;
        }
        int v = 0;
        for (int i = start; i < end; i++) {
            char c = s[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v < 128 ? v : -1;
    }

    /** {@code new String(s, start, end - start)}, shared when it is a known word. Requires start < end. */
    static String take(char[] s, int start, int end) {
        int i = find(s, start, end);
        return i >= 0 ? ALL[i] : new String(s, start, end - start);
    }

    /** {@code Optional.of(take(...))}, shared when it is a known word. */
    static Optional<String> takeOptional(char[] s, int start, int end) {
        int i = find(s, start, end);
        return i >= 0 ? OPTIONALS[i] : Optional.of(new String(s, start, end - start));
    }
}
