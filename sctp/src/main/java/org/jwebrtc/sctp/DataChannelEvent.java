package org.jwebrtc.sctp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** What a {@link DataChannelManager} reports. */
public sealed interface DataChannelEvent permits DataChannelEvent.Opened, DataChannelEvent.Message,
        DataChannelEvent.Closed, DataChannelEvent.BufferedAmountLow, DataChannelEvent.Association {

    /** A channel is open: ours once its DATA_CHANNEL_OPEN went out, the peer's when its OPEN arrived. */
    record Opened(int channelId, DataChannelInit init, boolean remote) implements DataChannelEvent {}

    /** A message; {@code binary} false = UTF-8 text. Empty messages arrive as zero-length data. */
    record Message(int channelId, boolean binary, byte[] data) implements DataChannelEvent {
        public String text() {
            return new String(data, StandardCharsets.UTF_8);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Message m && m.channelId == channelId && m.binary == binary
                    && Arrays.equals(m.data, data);
        }

        @Override
        public int hashCode() {
            return channelId * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Message[channel=" + channelId + ", binary=" + binary + ", len=" + data.length + "]";
        }
    }

    /** Both directions of the channel's stream were reset (RFC 8831 §6.7). */
    record Closed(int channelId) implements DataChannelEvent {}

    record BufferedAmountLow(int channelId) implements DataChannelEvent {}

    /** Association-level events passed through: Connected, Closed, Aborted. */
    record Association(SctpEvent event) implements DataChannelEvent {}
}
