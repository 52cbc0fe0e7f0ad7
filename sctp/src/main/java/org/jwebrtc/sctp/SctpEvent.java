package org.jwebrtc.sctp;

import java.util.Arrays;

/** What an {@link SctpAssociation} reports; consume with {@code instanceof} chains. */
public sealed interface SctpEvent permits SctpEvent.Connected, SctpEvent.MessageReceived, SctpEvent.StreamReset,
        SctpEvent.BufferedAmountLow, SctpEvent.Closed, SctpEvent.Aborted {

    /** The association reached ESTABLISHED. */
    record Connected() implements SctpEvent {}

    /** A complete user message; {@code data} is owned by the receiver. */
    record MessageReceived(int streamId, int ppid, byte[] data, boolean unordered) implements SctpEvent {
        @Override
        public boolean equals(Object o) {
            return o instanceof MessageReceived m && m.streamId == streamId && m.ppid == ppid
                    && m.unordered == unordered && Arrays.equals(m.data, data);
        }

        @Override
        public int hashCode() {
            return streamId * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "MessageReceived[sid=" + streamId + ", ppid=" + ppid + ", len=" + data.length + ", unordered="
                    + unordered + "]";
        }
    }

    /** The peer reset its outgoing streams (our incoming), RFC 6525 §5.2.2; SSNs restart at 0. */
    record StreamReset(int[] streamIds) implements SctpEvent {
        public StreamReset {
            streamIds = streamIds.clone();
        }

        @Override
        public int[] streamIds() {
            return streamIds.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof StreamReset s && Arrays.equals(s.streamIds, streamIds);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(streamIds);
        }

        @Override
        public String toString() {
            return "StreamReset" + Arrays.toString(streamIds);
        }
    }

    /** {@link SctpAssociation#bufferedAmount} of the stream fell to or below its low threshold. */
    record BufferedAmountLow(int streamId) implements SctpEvent {}

    /** Graceful end (SHUTDOWN sequence) or local abort. */
    record Closed(String reason) implements SctpEvent {}

    /** The peer aborted, or we gave up (too many retransmissions, protocol violation). */
    record Aborted(String cause) implements SctpEvent {}
}
