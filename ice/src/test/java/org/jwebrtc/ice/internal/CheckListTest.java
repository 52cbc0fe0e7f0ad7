package org.jwebrtc.ice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.jwebrtc.ice.Candidate;
import org.jwebrtc.ice.CandidatePairState;
import org.jwebrtc.ice.CandidateType;
import org.jwebrtc.ice.IceRole;
import org.junit.jupiter.api.Test;

/** Pair formation, ordering, pruning and freezing (RFC 8445 §6.1.2, RFC 8838 §10-§12). */
class CheckListTest {
    private static final Candidate HOST = Candidate.host(new InetSocketAddress("192.0.2.1", 5000), 65535);
    private static final Candidate SRFLX = Candidate.serverReflexive(new InetSocketAddress("203.0.113.1", 6000),
            HOST.address(), new InetSocketAddress("198.51.100.1", 3478), 65535, 1);

    private static Candidate remote(CandidateType type, String foundation, long priority, String ip, int port) {
        return Candidate.remote(type, foundation, 1, priority, new InetSocketAddress(ip, port), Optional.empty());
    }

    @Test
    void pairsAreOrderedByDescendingPriority() {
        CheckList list = new CheckList(100);
        Candidate rRelay = remote(CandidateType.RELAYED, "r", 16777215L, "198.51.100.20", 7000);
        Candidate rHost = remote(CandidateType.HOST, "h", 2130706431L, "192.0.2.9", 7000);
        Candidate rSrflx = remote(CandidateType.SERVER_REFLEXIVE, "s", 1694498815L, "203.0.113.9", 7000);
        list.add(HOST, HOST, rRelay, IceRole.CONTROLLING);
        list.add(HOST, HOST, rHost, IceRole.CONTROLLING);
        list.add(HOST, HOST, rSrflx, IceRole.CONTROLLING);
        assertThat(list.pairs()).extracting(p -> p.remote().foundation()).containsExactly("h", "s", "r");
        for (int i = 1; i < list.size(); i++) {
            assertThat(Long.compareUnsigned(list.pairs().get(i - 1).priority(), list.pairs().get(i).priority()))
                    .isPositive();
        }
    }

    @Test
    void serverReflexiveLocalIsReplacedByItsBaseAndPruned() {
        CheckList list = new CheckList(100);
        Candidate r = remote(CandidateType.HOST, "h", 2130706431L, "192.0.2.9", 7000);
        assertThat(list.add(HOST, HOST, r, IceRole.CONTROLLING)).isNotNull();
        // RFC 8445 §6.1.2.4: srflx/host pair becomes base/host, redundant with the higher-priority host/host pair.
        assertThat(list.add(SRFLX, HOST, r, IceRole.CONTROLLING)).isNull();
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.pairs().get(0).local()).isSameAs(HOST);
    }

    @Test
    void lowerPriorityRedundantPairIsReplacedWhenIdle() {
        CheckList list = new CheckList(100);
        Candidate r = remote(CandidateType.HOST, "h", 2130706431L, "192.0.2.9", 7000);
        CheckPair viaSrflx = list.add(SRFLX, HOST, r, IceRole.CONTROLLING);
        assertThat(viaSrflx).isNotNull();
        assertThat(viaSrflx.local()).isSameAs(HOST); // sends from the base
        CheckPair host = list.add(HOST, HOST, r, IceRole.CONTROLLING);
        assertThat(host).isNotNull();
        assertThat(list.pairs()).containsExactly(host);
    }

    @Test
    void redundantPairWithCheckInFlightIsKept() {
        CheckList list = new CheckList(100);
        Candidate r = remote(CandidateType.HOST, "h", 2130706431L, "192.0.2.9", 7000);
        CheckPair viaSrflx = list.add(SRFLX, HOST, r, IceRole.CONTROLLING);
        viaSrflx.state(CandidatePairState.IN_PROGRESS);
        // RFC 8838 §11 step 4: only Waiting/Frozen pairs are pruned.
        assertThat(list.add(HOST, HOST, r, IceRole.CONTROLLING)).isNull();
        assertThat(list.pairs()).containsExactly(viaSrflx);
    }

    @Test
    void onePairPerFoundationStartsWaiting() {
        CheckList list = new CheckList(100);
        Candidate host2 = Candidate.host(new InetSocketAddress("192.0.2.1", 5002), 65534);
        Candidate r1 = remote(CandidateType.HOST, "h", 2130706431L, "192.0.2.9", 7000);
        CheckPair a = list.add(HOST, HOST, r1, IceRole.CONTROLLING);
        CheckPair b = list.add(host2, host2, r1, IceRole.CONTROLLING);
        // Same foundation (same type, same base IP): the lower-priority pair is Frozen (RFC 8838 §12 rule 3).
        assertThat(a.foundation()).isEqualTo(b.foundation());
        assertThat(a.state()).isEqualTo(CandidatePairState.WAITING);
        assertThat(b.state()).isEqualTo(CandidatePairState.FROZEN);
        assertThat(list.next()).isSameAs(a);
        a.state(CandidatePairState.IN_PROGRESS);
        assertThat(list.next()).isNull(); // b's foundation has a pair in progress
        a.state(CandidatePairState.SUCCEEDED);
        list.unfreezeFoundation(a.foundation());
        assertThat(b.state()).isEqualTo(CandidatePairState.WAITING);
        // RFC 8838 §12 rule 2: a new pair of a foundation with a success starts Waiting.
        Candidate r2 = remote(CandidateType.HOST, "h", 2130706430L, "192.0.2.9", 7001);
        assertThat(list.add(host2, host2, r2, IceRole.CONTROLLING).state()).isEqualTo(CandidatePairState.WAITING);
    }

    @Test
    void frozenPairIsUnfrozenWhenItsFoundationIsIdle() {
        CheckList list = new CheckList(100);
        Candidate host2 = Candidate.host(new InetSocketAddress("192.0.2.1", 5002), 65534);
        Candidate r1 = remote(CandidateType.HOST, "h", 2130706431L, "192.0.2.9", 7000);
        CheckPair a = list.add(HOST, HOST, r1, IceRole.CONTROLLING);
        CheckPair b = list.add(host2, host2, r1, IceRole.CONTROLLING);
        a.state(CandidatePairState.FAILED);
        assertThat(list.next()).isSameAs(b); // RFC 8445 §6.1.4.2 step 2
    }

    @Test
    void triggeredQueueGoesFirst() {
        CheckList list = new CheckList(100);
        CheckPair a = list.add(HOST, HOST, remote(CandidateType.HOST, "h", 2130706431L, "192.0.2.9", 7000),
                IceRole.CONTROLLING);
        CheckPair b = list.add(HOST, HOST, remote(CandidateType.RELAYED, "r", 16777215L, "198.51.100.2", 7000),
                IceRole.CONTROLLING);
        list.trigger(b);
        list.trigger(b);
        assertThat(list.next()).isSameAs(b);
        assertThat(list.next()).isSameAs(a);
    }

    @Test
    void sizeIsLimitedDroppingFailedThenLowerPriority() {
        CheckList list = new CheckList(2);
        CheckPair a = list.add(HOST, HOST, remote(CandidateType.RELAYED, "r1", 16777215L, "198.51.100.2", 7000),
                IceRole.CONTROLLING);
        CheckPair b = list.add(HOST, HOST, remote(CandidateType.RELAYED, "r2", 16777214L, "198.51.100.3", 7000),
                IceRole.CONTROLLING);
        CheckPair c = list.add(HOST, HOST, remote(CandidateType.HOST, "h", 2130706431L, "192.0.2.9", 7000),
                IceRole.CONTROLLING);
        assertThat(list.pairs()).containsExactly(c, a);
        a.state(CandidatePairState.FAILED);
        CheckPair d = list.add(HOST, HOST, remote(CandidateType.RELAYED, "r3", 16777213L, "198.51.100.4", 7000),
                IceRole.CONTROLLING);
        assertThat(list.pairs()).containsExactly(c, d);
        assertThat(b).isNotNull();
        // Full and nothing lower: a lower-priority newcomer does not fit.
        assertThat(list.add(HOST, HOST, remote(CandidateType.RELAYED, "r4", 16777212L, "198.51.100.5", 7000),
                IceRole.CONTROLLING)).isNull();
    }

    @Test
    void roleChangeRecomputesPriorities() {
        CheckList list = new CheckList(100);
        CheckPair a = list.add(HOST, HOST, remote(CandidateType.SERVER_REFLEXIVE, "s", 1694498815L, "203.0.113.9",
                7000), IceRole.CONTROLLING);
        assertThat(a.priority()).isEqualTo(0x64fffffffdffffffL);
        list.recomputePriorities(IceRole.CONTROLLED);
        assertThat(a.priority()).isEqualTo(0x64fffffffdfffffeL);
    }

    @Test
    void nominationStopsIdlePairs() {
        CheckList list = new CheckList(100);
        CheckPair a = list.add(HOST, HOST, remote(CandidateType.HOST, "h", 2130706431L, "192.0.2.9", 7000),
                IceRole.CONTROLLING);
        CheckPair b = list.add(HOST, HOST, remote(CandidateType.RELAYED, "r", 16777215L, "198.51.100.2", 7000),
                IceRole.CONTROLLING);
        a.state(CandidatePairState.SUCCEEDED);
        list.trigger(b);
        list.stopIdlePairs();
        assertThat(list.pairs()).containsExactly(a);
        assertThat(list.hasTriggered()).isFalse();
    }
}
