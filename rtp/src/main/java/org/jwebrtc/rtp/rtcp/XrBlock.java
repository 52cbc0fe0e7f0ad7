package org.jwebrtc.rtp.rtcp;

/** One RFC 3611 §3 report block inside an {@link ExtendedReport}. Unknown block types stay raw. */
public sealed interface XrBlock permits ReceiverReferenceTime, DlrrBlock, RawXrBlock {
    /** Block type (BT). */
    int blockType();

    /** Encoded size including the 4-byte block header. */
    int encodedLength();

    void write(byte[] dst, int off);
}
