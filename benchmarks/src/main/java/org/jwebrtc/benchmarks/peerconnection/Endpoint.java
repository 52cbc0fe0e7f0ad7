package org.jwebrtc.benchmarks.peerconnection;

/**
 * One side of a {@link DataChannelThroughput} pair: a Java PeerConnection or a Chromium page. The sender offers
 * (and creates the channel "bulk"), the receiver answers; offer and answer are complete (candidates inside).
 */
interface Endpoint extends AutoCloseable {
    /** Starts the setup clock, creates the channel and returns the offer. */
    String offer() throws Exception;

    String answer(String offer) throws Exception;

    void accept(String answer) throws Exception;

    /** Waits for the offerer's channel to open; milliseconds since {@link #offer()} began. */
    double awaitOpen() throws Exception;

    /** The receiver: count binary bytes from now on and send "done" once {@code bytes} arrived. */
    void expect(long bytes) throws Exception;

    /** The sender: {@code bytes} in messages of {@code size}; milliseconds from the first send to "done". */
    double send(long bytes, int size) throws Exception;

    /** What explains the figure, for the log (our side: the SCTP sender's counters); empty if nothing. */
    default String diagnostics() {
        return "";
    }

    @Override
    void close();
}
