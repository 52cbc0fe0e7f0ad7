package org.jwebrtc.dtls.internal.dtls13;

import java.util.Arrays;
import java.util.Objects;
import org.jwebrtc.dtls.DtlsException;

/**
 * One DTLS handshake fragment (RFC 9147 §5.2): msg_type, length (of the whole message),
 * message_seq, fragment_offset, fragment_length, fragment.
 */
public record HandshakeFragment(int msgType, int length, int messageSeq, int fragmentOffset, byte[] fragment) {
    public static final int HEADER_LENGTH = 12;

    public HandshakeFragment {
        Objects.requireNonNull(fragment, "fragment");
        if (msgType < 0 || msgType > 255 || length < 0 || length > 0xFFFFFF || messageSeq < 0
                || messageSeq > 0xFFFF || fragmentOffset < 0 || (long) fragmentOffset + fragment.length > length) {
            throw new IllegalArgumentException("handshake fragment fields out of range");
        }
        fragment = fragment.clone();
    }

    public static HandshakeFragment parse(WireReader r) throws DtlsException {
        int start = r.position();
        int type = r.u8("msg_type");
        int length = r.u24("length");
        int seq = r.u16("message_seq");
        int offset = r.u24("fragment_offset");
        int fragLen = r.u24("fragment_length");
        if ((long) offset + fragLen > length) {
            throw new DtlsException("fragment " + offset + "+" + fragLen + " exceeds message length " + length, start);
        }
        return new HandshakeFragment(type, length, seq, offset, r.bytes(fragLen, "fragment"));
    }

    public void encode(WireWriter w) {
        w.u8(msgType).u24(length).u16(messageSeq).u24(fragmentOffset).u24(fragment.length).bytes(fragment);
    }

    public byte[] toBytes() {
        WireWriter w = new WireWriter(HEADER_LENGTH + fragment.length);
        encode(w);
        return w.toBytes();
    }

    public boolean isComplete() {
        return fragmentOffset == 0 && fragment.length == length;
    }

    @Override
    public byte[] fragment() {
        return fragment.clone();
    }

    byte[] fragmentRef() {
        return fragment;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HandshakeFragment f && msgType == f.msgType && length == f.length
                && messageSeq == f.messageSeq && fragmentOffset == f.fragmentOffset
                && Arrays.equals(fragment, f.fragment);
    }

    @Override
    public int hashCode() {
        return Objects.hash(msgType, length, messageSeq, fragmentOffset, Arrays.hashCode(fragment));
    }
}
