package org.jwebrtc.peerconnection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.Set;
import org.jwebrtc.ice.Candidate;
import org.jwebrtc.ice.CandidatePriority;
import org.jwebrtc.ice.CandidateType;
import org.jwebrtc.turn.TurnTransport;
import org.junit.jupiter.api.Test;

/** Local preferences and foundations of relayed candidates (RFC 8445 §5.1.2.1-§5.1.2.2, §5.1.1.3). */
class RelayCandidatesTest {
    private static final InetAddress LO = lo();

    private static InetAddress lo() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void udpOutranksTcpOutranksTlsWhateverTheConfigurationOrder() {
        for (int i = 0; i < 100; i++) {
            for (int j = 0; j < 100; j++) {
                assertThat(RelayCandidates.localPreference(TurnTransport.UDP, i))
                        .isGreaterThan(RelayCandidates.localPreference(TurnTransport.TCP, j));
                assertThat(RelayCandidates.localPreference(TurnTransport.TCP, i))
                        .isGreaterThan(RelayCandidates.localPreference(TurnTransport.TLS, j));
            }
        }
        // the first UDP relay gets the RFC 8445 §5.1.2.1 single-address value 65535
        assertThat(RelayCandidates.localPreference(TurnTransport.UDP, 0)).isEqualTo(65_535);
    }

    @Test
    void localPreferencesAreUniqueAndInRange() {
        Set<Integer> seen = new HashSet<>();
        for (TurnTransport t : TurnTransport.values()) {
            for (int i = 0; i < 1000; i++) {
                int p = RelayCandidates.localPreference(t, i);
                assertThat(p).isBetween(0, CandidatePriority.MAX_LOCAL_PREFERENCE);
                assertThat(seen.add(p)).as(t + " #" + i).isTrue();
            }
        }
    }

    @Test
    void foundationsDifferByTransportToTheServerAndPrioritiesFollowThePreference() {
        InetSocketAddress relayed = new InetSocketAddress(LO, 50_000);
        InetSocketAddress mapped = new InetSocketAddress(LO, 40_000);
        InetSocketAddress server = new InetSocketAddress(LO, 3478);
        Set<String> foundations = new HashSet<>();
        for (TurnTransport t : TurnTransport.values()) {
            int pref = RelayCandidates.localPreference(t, 0);
            Candidate c = RelayCandidates.relayed(t, relayed, mapped, server, pref);
            assertThat(c.type()).isEqualTo(CandidateType.RELAYED);
            assertThat(c.base()).isEqualTo(relayed);
            assertThat(c.relatedAddress()).contains(mapped);
            assertThat(c.priority()).isEqualTo(CandidatePriority.compute(CandidateType.RELAYED, pref, 1));
            assertThat(c.toSdp()).contains(" typ relay raddr 127.0.0.1 rport 40000");
            foundations.add(c.foundation());
        }
        assertThat(foundations).hasSize(3);
        assertThat(RelayCandidates.relayed(TurnTransport.UDP, relayed, mapped, server, 1).foundation())
                .isEqualTo(Candidate.relayed(relayed, mapped, server, 1, 1).foundation());
    }
}
