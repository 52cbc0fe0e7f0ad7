package org.jwebrtc.dtls;

/**
 * Snapshot of a transport's counters.
 *
 * @param droppedDatagrams datagrams (or records) discarded: inbound queue full during the
 *                         handshake, or input after close/failure (bctls discards unauthenticated
 *                         and replayed records silently, RFC 6347 §4.1.2.7, without telling us)
 * @param receivedRecords application_data records delivered
 * @param sentRecords application_data records sent
 * @param rejectedRecords records that failed authentication (DTLS 1.3 engine; bctls does not report them)
 * @param replayedRecords records dropped by the replay window (DTLS 1.3 engine)
 * @param downgradesRejected handshakes aborted because a DTLS 1.2 ServerHello carried the RFC 8446
 *                           §4.1.3 downgrade sentinel although we offered DTLS 1.3
 * @param failedHandshakes handshakes that ended in failure (0 or 1 per transport): refused versions (a DTLS 1.0
 *                         ClientHello), wrong fingerprints, downgrades, fatal alerts, timeouts
 */
public record DtlsStats(long droppedDatagrams, long receivedRecords, long sentRecords,
                        long rejectedRecords, long replayedRecords, long downgradesRejected, long failedHandshakes) {

    public DtlsStats(long droppedDatagrams, long receivedRecords, long sentRecords,
                     long rejectedRecords, long replayedRecords, long downgradesRejected) {
        this(droppedDatagrams, receivedRecords, sentRecords, rejectedRecords, replayedRecords, downgradesRejected, 0);
    }

    public DtlsStats(long droppedDatagrams, long receivedRecords, long sentRecords,
                     long rejectedRecords, long replayedRecords) {
        this(droppedDatagrams, receivedRecords, sentRecords, rejectedRecords, replayedRecords, 0, 0);
    }

    /** The DTLS 1.2 counters alone. */
    public DtlsStats(long droppedDatagrams, long receivedRecords, long sentRecords) {
        this(droppedDatagrams, receivedRecords, sentRecords, 0, 0, 0, 0);
    }
}
