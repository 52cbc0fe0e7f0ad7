package org.jwebrtc.peerconnection;

import java.util.Optional;
import org.jwebrtc.dtls.DtlsStats;
import org.jwebrtc.ice.IceStats;
import org.jwebrtc.sctp.SctpStats;

/** A snapshot of the transport counters: every dropped or failed packet is counted somewhere here. */
public record TransportStats(IceStats ice, Optional<DtlsStats> dtls, Optional<SctpStats> sctp,
                             long droppedChannelMessages, long deliveredChannelMessages) {}
