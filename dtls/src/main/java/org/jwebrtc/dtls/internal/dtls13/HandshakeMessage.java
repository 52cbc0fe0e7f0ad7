package org.jwebrtc.dtls.internal.dtls13;

/**
 * A reassembled handshake message. {@link #transcriptBytes()} is the TLS 1.3 form (type, uint24
 * length, body) that enters the transcript hash: RFC 9147 §5.2 leaves message_seq and the
 * fragment fields out. {@code epoch} is the lowest epoch any of its fragments arrived in.
 */
public record HandshakeMessage(int type, int messageSeq, long epoch, byte[] body) {
    public byte[] transcriptBytes() {
        return new WireWriter(4 + body.length).u8(type).u24(body.length).bytes(body).toBytes();
    }
}
