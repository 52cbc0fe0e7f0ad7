package org.jwebrtc.dtls;

/**
 * Snapshot of a transport's counters.
 *
 * @param droppedDatagrams datagrams (or records) discarded: inbound queue full during the
 *                         handshake, or input after close/failure (bctls discards unauthenticated
 *                         and replayed records silently, RFC 6347 §4.1.2.7, without telling us)
 * @param receivedRecords application_data records delivered
 * @param sentRecords application_data records sent
 */
public record DtlsStats(long droppedDatagrams, long receivedRecords, long sentRecords) {}
