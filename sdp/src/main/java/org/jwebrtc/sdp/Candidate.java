package org.jwebrtc.sdp;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jwebrtc.sdp.internal.CandidateParser;
import org.jwebrtc.sdp.internal.Check;

/**
 * {@code a=candidate} (RFC 8839 §5.1):
 * <pre>
 * candidate:&lt;foundation&gt; &lt;component&gt; &lt;transport&gt; &lt;priority&gt; &lt;address&gt; &lt;port&gt; typ &lt;type&gt;
 *     [raddr &lt;addr&gt;] [rport &lt;port&gt;] *(&lt;ext-name&gt; &lt;ext-value&gt;)
 * </pre>
 * with the extensions browsers send typed: {@code tcptype} (RFC 6544 §4.5), {@code generation},
 * {@code ufrag}, {@code network-id}, {@code network-cost}; others are kept in order in
 * {@link #extensions()}. The transport keeps its written case ({@code UDP} or {@code udp}) and the
 * address may be an mDNS name ({@code <uuid>.local}).
 */
public record Candidate(String foundation, int component, String transport, long priority, String address,
                        int port, CandidateType type, Optional<String> relatedAddress, OptionalInt relatedPort,
                        Optional<TcpType> tcpType, OptionalInt generation, Optional<String> ufrag,
                        OptionalInt networkId, OptionalInt networkCost, List<Extension> extensions)
        implements Attribute {

    /** An unrecognised {@code <name> <value>} pair. */
    public record Extension(String name, String value) {
        public Extension {
            Check.word(name, "candidate extension name");
            Check.word(value, "candidate extension value");
            if (KNOWN_EXTENSIONS.contains(name)) {
                throw new IllegalArgumentException(name + " has its own component");
            }
        }
    }

    static final List<String> KNOWN_EXTENSIONS =
            List.of("raddr", "rport", "tcptype", "generation", "ufrag", "network-id", "network-cost", "typ");

    public Candidate {
        Check.word(foundation, "foundation");
        if (foundation.length() > 32) {   // foundation = 1*32ice-char
            throw new IllegalArgumentException("foundation longer than 32 characters");
        }
        Check.range(component, 1, 256, "component-id");
        Check.word(transport, "transport");
        Check.range(priority, 0, 0xFFFF_FFFFL, "priority");   // 1*10DIGIT, 32-bit
        Check.word(address, "connection-address");
        Check.range(port, 0, 65535, "port");
        if (type == null || relatedAddress == null || relatedPort == null || tcpType == null || generation == null
                || ufrag == null || networkId == null || networkCost == null) {
            throw new IllegalArgumentException("candidate components must not be null (use empty optionals)");
        }
        relatedAddress.ifPresent(a -> Check.word(a, "raddr"));
        relatedPort.ifPresent(p -> Check.range(p, 0, 65535, "rport"));
        generation.ifPresent(g -> Check.range(g, 0, Integer.MAX_VALUE, "generation"));
        ufrag.ifPresent(u -> Check.word(u, "ufrag"));
        networkId.ifPresent(g -> Check.range(g, 0, Integer.MAX_VALUE, "network-id"));
        networkCost.ifPresent(g -> Check.range(g, 0, Integer.MAX_VALUE, "network-cost"));
        extensions = Check.list(extensions, "extensions");
    }

    /** A candidate with no related address and no extensions. */
    public Candidate(String foundation, int component, String transport, long priority, String address, int port,
                     CandidateType type) {
        this(foundation, component, transport, priority, address, port, type, Optional.empty(), OptionalInt.empty(),
                Optional.empty(), OptionalInt.empty(), Optional.empty(), OptionalInt.empty(), OptionalInt.empty(),
                List.of());
    }

    /**
     * Parses a trickled candidate: {@code candidate:...} as in RTCIceCandidate.candidate, with or
     * without a leading {@code a=} and a trailing CRLF.
     */
    public static Candidate parse(String line) throws SdpException {
        return CandidateParser.parseLine(line);
    }

    /** Same candidate with the related address/port set (srflx/relay, RFC 8839 §5.1). */
    public Candidate withRelated(String raddr, int rport) {
        return new Candidate(foundation, component, transport, priority, address, port, type, Optional.of(raddr),
                OptionalInt.of(rport), tcpType, generation, ufrag, networkId, networkCost, extensions);
    }

    /** {@code transport} is "UDP" (any case). */
    public boolean isUdp() {
        return transport.equalsIgnoreCase("udp");
    }

    @Override
    public String attributeName() {
        return "candidate";
    }

    /** Appends {@code candidate:...} (no {@code a=}). */
    @Override
    public void appendTo(StringBuilder sb) {
        sb.append("candidate:").append(foundation).append(' ').append(component).append(' ').append(transport)
                .append(' ').append(priority).append(' ').append(address).append(' ').append(port)
                .append(" typ ").append(type.token());
        if (relatedAddress.isPresent()) {
            sb.append(" raddr ").append(relatedAddress.get());
        }
        if (relatedPort.isPresent()) {
            sb.append(" rport ").append(relatedPort.getAsInt());
        }
        if (tcpType.isPresent()) {
            sb.append(" tcptype ").append(tcpType.get().token());
        }
        if (generation.isPresent()) {
            sb.append(" generation ").append(generation.getAsInt());
        }
        if (ufrag.isPresent()) {
            sb.append(" ufrag ").append(ufrag.get());
        }
        if (networkId.isPresent()) {
            sb.append(" network-id ").append(networkId.getAsInt());
        }
        if (networkCost.isPresent()) {
            sb.append(" network-cost ").append(networkCost.getAsInt());
        }
        for (Extension e : extensions) {
            sb.append(' ').append(e.name()).append(' ').append(e.value());
        }
    }

    /** The {@code candidate:...} text (what RTCIceCandidate.candidate carries). */
    @Override
    public String toString() {
        return text();
    }

    /** The full SDP line without CRLF: {@code a=candidate:...}. */
    public String toSdpLine() {
        return "a=" + text();
    }
}
