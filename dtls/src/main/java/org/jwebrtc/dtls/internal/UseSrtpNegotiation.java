package org.jwebrtc.dtls.internal;

import java.io.IOException;
import java.util.List;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.jwebrtc.dtls.SrtpProfile;

/** The use_srtp extension exchange (RFC 5764 §4.1.1 - §4.1.3). We never use an MKI. */
final class UseSrtpNegotiation {
    private UseSrtpNegotiation() {
    }

    static UseSRTPData offer(List<SrtpProfile> profiles) {
        int[] ids = new int[profiles.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = profiles.get(i).id();
        }
        return new UseSRTPData(ids, TlsUtils.EMPTY_BYTES);
    }

    /** Server side: our first preference the client offered (RFC 5764 §4.1.1). */
    static SrtpProfile select(UseSRTPData clientOffer, List<SrtpProfile> preference) throws IOException {
        if (clientOffer == null) {
            throw new TlsFatalAlert(AlertDescription.handshake_failure,
                    "client did not offer use_srtp (RFC 5764 §4.1.1); required by this endpoint");
        }
        if (clientOffer.getMki().length != 0) {
            // RFC 8827 §6.5: "An SRTP Master Key Identifier (MKI) MUST NOT be used."
            throw new TlsFatalAlert(AlertDescription.illegal_parameter,
                    "client use_srtp carries an MKI; WebRTC forbids MKI (RFC 8827 §6.5)");
        }
        for (SrtpProfile p : preference) {
            for (int id : clientOffer.getProtectionProfiles()) {
                if (id == p.id()) {
                    return p;
                }
            }
        }
        throw new TlsFatalAlert(AlertDescription.handshake_failure,
                "no SRTP protection profile in common; we support " + preference);
    }

    static UseSRTPData answer(SrtpProfile selected) {
        return new UseSRTPData(new int[] {selected.id()}, TlsUtils.EMPTY_BYTES);
    }

    /** Client side: the server must pick exactly one of what we offered (RFC 5764 §4.1.1). */
    static SrtpProfile accept(UseSRTPData serverAnswer, List<SrtpProfile> offered) throws IOException {
        if (serverAnswer == null) {
            throw new TlsFatalAlert(AlertDescription.handshake_failure,
                    "server did not negotiate use_srtp (RFC 5764 §4.1.1)");
        }
        int[] ids = serverAnswer.getProtectionProfiles();
        if (ids.length != 1) {
            throw new TlsFatalAlert(AlertDescription.illegal_parameter,
                    "server use_srtp must carry exactly one profile, got " + ids.length);
        }
        if (serverAnswer.getMki().length != 0) {
            throw new TlsFatalAlert(AlertDescription.illegal_parameter,
                    "server use_srtp echoed an MKI we did not send (RFC 5764 §4.1.1)");
        }
        for (SrtpProfile p : offered) {
            if (p.id() == ids[0]) {
                return p;
            }
        }
        throw new TlsFatalAlert(AlertDescription.illegal_parameter,
                "server selected SRTP profile 0x" + Integer.toHexString(ids[0]) + " we did not offer");
    }
}
