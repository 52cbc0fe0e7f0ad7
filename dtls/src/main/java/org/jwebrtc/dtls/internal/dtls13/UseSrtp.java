package org.jwebrtc.dtls.internal.dtls13;

import java.util.ArrayList;
import java.util.List;
import org.jwebrtc.dtls.DtlsException;
import org.jwebrtc.dtls.SrtpProfile;

/**
 * use_srtp (RFC 5764 §4.1.1) for DTLS 1.3, where the server answers in EncryptedExtensions
 * (RFC 8446 §4.2): profiles&lt;2..2^16-1&gt; then srtp_mki&lt;0..255&gt;. WebRTC forbids an MKI
 * (RFC 8827 §6.5).
 */
final class UseSrtp {
    private UseSrtp() {
    }

    static byte[] encode(List<Integer> profiles) {
        return new WireWriter().bytes(Extension.u16List(profiles, 2)).u8(0).toBytes();
    }

    private static List<Integer> profiles(byte[] data) throws AlertException {
        try {
            WireReader r = new WireReader(data);
            byte[] list = r.vec16(2, "SRTPProtectionProfiles");
            byte[] mki = r.vec8(0, "srtp_mki");
            r.expectEnd("use_srtp");
            if (mki.length != 0) {
                throw new AlertException(AlertDescription.ILLEGAL_PARAMETER,
                        "use_srtp carries an MKI; WebRTC forbids MKI (RFC 8827 §6.5)");
            }
            if (list.length % 2 != 0) {
                throw new DtlsException("odd SRTPProtectionProfiles length", 0);
            }
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < list.length; i += 2) {
                out.add((list[i] & 0xFF) << 8 | list[i + 1] & 0xFF);
            }
            return out;
        } catch (DtlsException e) {
            throw new AlertException(AlertDescription.DECODE_ERROR, "bad use_srtp: " + e.getMessage());
        }
    }

    /** Server: our first preference the client offered. */
    static SrtpProfile select(byte[] clientData, List<SrtpProfile> preference) throws AlertException {
        if (clientData == null) {
            throw new AlertException(AlertDescription.HANDSHAKE_FAILURE,
                    "client did not offer use_srtp (RFC 5764 §4.1.1); required by this endpoint");
        }
        List<Integer> offered = profiles(clientData);
        for (SrtpProfile p : preference) {
            if (offered.contains(p.id())) {
                return p;
            }
        }
        throw new AlertException(AlertDescription.HANDSHAKE_FAILURE,
                "no SRTP protection profile in common; we support " + preference);
    }

    /** Client: exactly one profile we offered. */
    static SrtpProfile accept(byte[] serverData, List<SrtpProfile> offered) throws AlertException {
        List<Integer> ids = profiles(serverData);
        if (ids.size() != 1) {
            throw new AlertException(AlertDescription.ILLEGAL_PARAMETER,
                    "server use_srtp must carry exactly one profile, got " + ids.size());
        }
        for (SrtpProfile p : offered) {
            if (p.id() == ids.get(0)) {
                return p;
            }
        }
        throw new AlertException(AlertDescription.ILLEGAL_PARAMETER,
                "server selected SRTP profile 0x" + Integer.toHexString(ids.get(0)) + " we did not offer");
    }
}
