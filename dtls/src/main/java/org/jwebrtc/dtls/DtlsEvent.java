package org.jwebrtc.dtls;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/** What a {@link DtlsTransport} reports through {@code pollEvent()}. */
public sealed interface DtlsEvent
        permits DtlsEvent.Connected, DtlsEvent.ApplicationData, DtlsEvent.Closed, DtlsEvent.Failed {

    /**
     * The handshake finished and the peer's certificate matched the expected SDP fingerprint.
     *
     * @param srtp keys exported for the negotiated use_srtp profile (RFC 5764 §4.2); empty when the
     *             config offered no SRTP profiles
     * @param remoteFingerprint sha-256 fingerprint of the certificate the peer presented
     * @param cipherSuite the negotiated TLS cipher suite (IANA value)
     */
    record Connected(Optional<SrtpKeyingMaterial> srtp, Fingerprint remoteFingerprint, int cipherSuite)
            implements DtlsEvent {
        public Connected {
            Objects.requireNonNull(srtp, "srtp");
            Objects.requireNonNull(remoteFingerprint, "remoteFingerprint");
        }
    }

    /**
     * One decrypted application_data record (for WebRTC: one SCTP packet, RFC 8261). Unlike other
     * records of this project it does not copy: the transport allocates {@code data} for this event
     * alone and hands it over, so the receiver owns it (one copy less per packet).
     */
    record ApplicationData(byte[] data) implements DtlsEvent {
        public ApplicationData {
            Objects.requireNonNull(data, "data");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ApplicationData a && Arrays.equals(data, a.data);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "ApplicationData[" + data.length + " bytes]";
        }
    }

    /** The connection ended with close_notify, sent by us ({@code close()}) or by the peer. */
    record Closed(boolean byPeer) implements DtlsEvent {}

    /** The handshake or connection failed; no more events follow. */
    record Failed(String reason) implements DtlsEvent {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
