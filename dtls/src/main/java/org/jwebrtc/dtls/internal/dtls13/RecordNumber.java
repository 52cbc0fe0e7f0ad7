package org.jwebrtc.dtls.internal.dtls13;

/** RFC 9147 §4: the full 64-bit epoch and sequence number of a record (also the ACK entry, §7). */
public record RecordNumber(long epoch, long sequenceNumber) {}
