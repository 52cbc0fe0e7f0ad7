package org.jwebrtc.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.jwebrtc.stun.ErrorCode;
import org.jwebrtc.stun.IceControlling;
import org.jwebrtc.stun.IntegrityAlgorithm;
import org.jwebrtc.stun.Priority;
import org.jwebrtc.stun.StunAttributeType;
import org.jwebrtc.stun.StunClass;
import org.jwebrtc.stun.StunMessage;
import org.jwebrtc.stun.StunMethod;
import org.jwebrtc.stun.StunWriter;
import org.jwebrtc.stun.TransactionId;
import org.jwebrtc.stun.Username;
import org.jwebrtc.stun.XorMappedAddress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Message-level behaviour of one agent against a hand-driven peer. */
class IceAgentTest {
    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 10000);
    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 20000);
    private static final IceCredentials PEER_CREDS = new IceCredentials("peerUfrag", "peerPasswordPeerPassword");
    private static final byte[] PEER_KEY = PEER_CREDS.pwd().getBytes(StandardCharsets.UTF_8);

    private IceAgent agent;
    private byte[] agentKey;

    private IceAgent agent(IceRole role) {
        Random r = new Random(7);
        IceAgent a = new IceAgent(IceConfig.defaults().withRole(role), IceCredentials.random(r), r);
        a.setRemoteCredentials(PEER_CREDS);
        a.addLocalCandidate(Candidate.host(LOCAL, 65535));
        agentKey = a.localCredentials().pwd().getBytes(StandardCharsets.UTF_8);
        return a;
    }

    @BeforeEach
    void setUp() {
        agent = agent(IceRole.CONTROLLING);
    }

    private static StunMessage parse(byte[] data) {
        try {
            return StunMessage.parse(data);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private List<Transmit> drain() {
        List<Transmit> out = new ArrayList<>();
        for (Transmit t; (t = agent.pollTransmit()) != null; ) {
            out.add(t);
        }
        return out;
    }

    private List<IceEvent> events() {
        List<IceEvent> out = new ArrayList<>();
        for (IceEvent e; (e = agent.pollEvent()) != null; ) {
            out.add(e);
        }
        return out;
    }

    /** A request from the peer as a browser would send it. */
    private byte[] peerRequest(long seed, Long controllingTieBreaker, Long controlledTieBreaker, boolean useCandidate,
                               boolean priority, byte[] key) {
        byte[] buf = new byte[512];
        StunWriter w = new StunWriter().start(buf, 0, buf.length, StunClass.REQUEST, StunMethod.BINDING,
                TransactionId.random(new Random(seed)));
        byte[] u = (agent.localCredentials().ufrag() + ":" + PEER_CREDS.ufrag()).getBytes(StandardCharsets.UTF_8);
        w.addBytes(StunAttributeType.USERNAME, u, 0, u.length);
        if (priority) {
            w.addU32(StunAttributeType.PRIORITY, 1862270975L);
        }
        if (controllingTieBreaker != null) {
            w.addU64(StunAttributeType.ICE_CONTROLLING, controllingTieBreaker);
        }
        if (controlledTieBreaker != null) {
            w.addU64(StunAttributeType.ICE_CONTROLLED, controlledTieBreaker);
        }
        if (useCandidate) {
            w.addEmpty(StunAttributeType.USE_CANDIDATE);
        }
        return Arrays.copyOf(buf, w.finish(key, IntegrityAlgorithm.HMAC_SHA1, true));
    }

    private byte[] successFor(StunMessage request, InetSocketAddress mapped, byte[] key) {
        byte[] buf = new byte[256];
        byte[] ip = mapped.getAddress().getAddress();
        StunWriter w = new StunWriter().start(buf, 0, buf.length, StunClass.SUCCESS_RESPONSE, StunMethod.BINDING,
                request.transactionId());
        w.addXorAddress(StunAttributeType.XOR_MAPPED_ADDRESS, ip, 0, ip.length, mapped.getPort());
        return Arrays.copyOf(buf, w.finish(key, IntegrityAlgorithm.HMAC_SHA1, true));
    }

    private byte[] errorFor(StunMessage request, int code, byte[] key) {
        byte[] buf = new byte[256];
        StunWriter w = new StunWriter().start(buf, 0, buf.length, StunClass.ERROR_RESPONSE, StunMethod.BINDING,
                request.transactionId());
        w.add(ErrorCode.of(code));
        return Arrays.copyOf(buf, w.finish(key, IntegrityAlgorithm.HMAC_SHA1, true));
    }

    private void input(long now, byte[] data) {
        agent.handleInput(now, LOCAL, PEER, data, 0, data.length);
    }

    private Transmit firstCheck() {
        agent.addRemoteCandidate(Candidate.host(PEER, 65535));
        agent.handleTimeout(0);
        List<Transmit> out = drain();
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    @Test
    void checkCarriesUsernamePriorityRoleIntegrityAndFingerprint() {
        Transmit t = firstCheck();
        assertThat(t.local()).isEqualTo(LOCAL);
        assertThat(t.remote()).isEqualTo(PEER);
        StunMessage m = parse(t.data());
        assertThat(m.messageClass()).isEqualTo(StunClass.REQUEST);
        assertThat(m.method()).isEqualTo(StunMethod.BINDING);
        // RFC 8445 §7.2.2: USERNAME is "remote ufrag:local ufrag".
        assertThat(m.attribute(Username.class).orElseThrow().value())
                .isEqualTo(PEER_CREDS.ufrag() + ":" + agent.localCredentials().ufrag());
        // RFC 8445 §7.1.1: PRIORITY with the peer-reflexive type preference.
        assertThat(m.attribute(Priority.class).orElseThrow().priority())
                .isEqualTo(CandidatePriority.compute(CandidateType.PEER_REFLEXIVE, 65535, 1));
        assertThat(m.attribute(IceControlling.class).orElseThrow().tieBreaker()).isEqualTo(agent.tieBreaker());
        assertThat(m.attribute(StunAttributeType.USE_CANDIDATE)).isEmpty();
        // RFC 8445 §7.2.2: MESSAGE-INTEGRITY with the remote password; FINGERPRINT last.
        assertThat(StunMessage.verifyIntegrity(t.data(), 0, t.data().length, PEER_KEY)).isTrue();
        assertThat(StunMessage.verifyFingerprint(t.data(), 0, t.data().length)).isTrue();
        assertThat(agent.state()).isEqualTo(IceConnectionState.CHECKING);
    }

    @Test
    void successResponseMakesThePairValidAndNominationFollows() {
        StunMessage check = parse(firstCheck().data());
        input(10_000_000L, successFor(check, LOCAL, PEER_KEY));
        assertThat(agent.validPairs()).hasSize(1);
        assertThat(agent.checklist().get(0).state()).isEqualTo(CandidatePairState.SUCCEEDED);
        agent.handleTimeout(agent.pollTimeout());
        List<Transmit> out = drain();
        assertThat(out).hasSize(1);
        StunMessage nomination = parse(out.get(0).data());
        assertThat(nomination.attribute(StunAttributeType.USE_CANDIDATE)).isPresent(); // RFC 8445 §8.1.1
        assertThat(agent.selectedPair()).isEmpty();
        input(agent.pollTimeout() - 1, successFor(nomination, LOCAL, PEER_KEY));
        assertThat(agent.selectedPair()).isPresent();
        assertThat(events()).contains(new IceEvent.StateChanged(IceConnectionState.CONNECTED));
    }

    @Test
    void responseWithWrongIntegrityIsIgnored() {
        StunMessage check = parse(firstCheck().data());
        input(1, successFor(check, LOCAL, "wrong".getBytes(StandardCharsets.UTF_8)));
        assertThat(agent.stats().badIntegrity()).isEqualTo(1);
        assertThat(agent.validPairs()).isEmpty();
        input(2, successFor(check, LOCAL, PEER_KEY)); // the transaction is still open
        assertThat(agent.validPairs()).hasSize(1);
    }

    @Test
    void responseFromAnotherAddressFailsThePair() {
        StunMessage check = parse(firstCheck().data());
        byte[] r = successFor(check, LOCAL, PEER_KEY);
        // RFC 8445 §7.2.5.2.1: source and destination must be symmetric.
        agent.handleInput(1, LOCAL, new InetSocketAddress("127.0.0.1", 20001), r, 0, r.length);
        assertThat(agent.checklist().get(0).state()).isEqualTo(CandidatePairState.FAILED);
        assertThat(agent.validPairs()).isEmpty();
    }

    @Test
    void responseWithUnknownTransactionIsCounted() {
        StunMessage check = parse(firstCheck().data());
        StunMessage other = StunMessage.of(StunClass.REQUEST, StunMethod.BINDING,
                TransactionId.random(new Random(99)));
        input(1, successFor(other, LOCAL, PEER_KEY));
        assertThat(agent.stats().unmatchedResponses()).isEqualTo(1);
        assertThat(check).isNotNull();
    }

    @Test
    void mappedAddressUnknownBecomesLocalPeerReflexive() {
        StunMessage check = parse(firstCheck().data());
        InetSocketAddress mapped = new InetSocketAddress("203.0.113.7", 45000);
        input(1, successFor(check, mapped, PEER_KEY));
        List<IceEvent> ev = events();
        Candidate prflx = ev.stream().filter(e -> e instanceof IceEvent.LocalCandidate)
                .map(e -> ((IceEvent.LocalCandidate) e).candidate()).findFirst().orElseThrow();
        assertThat(prflx.type()).isEqualTo(CandidateType.PEER_REFLEXIVE);
        assertThat(prflx.address()).isEqualTo(mapped);
        assertThat(prflx.base()).isEqualTo(LOCAL);
        assertThat(prflx.priority()).isEqualTo(check.attribute(Priority.class).orElseThrow().priority());
        assertThat(agent.validPairs()).singleElement().satisfies(v -> assertThat(v.local()).isEqualTo(prflx));
    }

    @Test
    void roleConflictErrorSwitchesRoleAndRetries() {
        StunMessage check = parse(firstCheck().data());
        input(1, errorFor(check, ErrorCode.ROLE_CONFLICT, PEER_KEY));
        // RFC 8445 §7.2.5.1: switch role, re-queue the pair.
        assertThat(agent.role()).isEqualTo(IceRole.CONTROLLED);
        agent.handleTimeout(agent.pollTimeout());
        StunMessage retry = parse(drain().get(0).data());
        assertThat(retry.attribute(StunAttributeType.ICE_CONTROLLED)).isPresent();
        assertThat(retry.transactionId()).isNotEqualTo(check.transactionId());
    }

    @Test
    void unauthenticatedRoleConflictIsIgnored() {
        StunMessage check = parse(firstCheck().data());
        input(1, errorFor(check, ErrorCode.ROLE_CONFLICT, null));
        assertThat(agent.role()).isEqualTo(IceRole.CONTROLLING);
        assertThat(agent.stats().badIntegrity()).isEqualTo(1);
    }

    @Test
    void otherErrorFailsThePair() {
        StunMessage check = parse(firstCheck().data());
        input(1, errorFor(check, ErrorCode.UNAUTHENTICATED, null));
        assertThat(agent.checklist().get(0).state()).isEqualTo(CandidatePairState.FAILED);
    }

    @Test
    void controllingAgentWithLargerTieBreakerAnswers487() {
        input(1, peerRequest(1, 0L, null, false, true, agentKey)); // unsigned 0: the smallest tie-breaker
        byte[] raw = drain().get(0).data();
        StunMessage r = parse(raw);
        assertThat(r.messageClass()).isEqualTo(StunClass.ERROR_RESPONSE);
        assertThat(r.attribute(ErrorCode.class).orElseThrow().code()).isEqualTo(487);
        assertThat(StunMessage.verifyIntegrity(raw, 0, raw.length, agentKey)).isTrue();
        assertThat(agent.role()).isEqualTo(IceRole.CONTROLLING);
    }

    @Test
    void controllingAgentWithSmallerTieBreakerYields() {
        input(1, peerRequest(1, -1L, null, false, true, agentKey)); // 2^64-1 unsigned: the largest
        assertThat(agent.role()).isEqualTo(IceRole.CONTROLLED);
        StunMessage r = parse(drain().get(0).data());
        assertThat(r.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
    }

    @Test
    void controlledAgentWithLargerTieBreakerTakesControl() {
        agent = agent(IceRole.CONTROLLED);
        input(1, peerRequest(1, null, 0L, false, true, agentKey));
        assertThat(agent.role()).isEqualTo(IceRole.CONTROLLING);
        assertThat(parse(drain().get(0).data()).messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
    }

    @Test
    void controlledAgentWithSmallerTieBreakerAnswers487() {
        agent = agent(IceRole.CONTROLLED);
        input(1, peerRequest(1, null, -1L, false, true, agentKey));
        assertThat(agent.role()).isEqualTo(IceRole.CONTROLLED);
        byte[] r = drain().get(0).data();
        assertThat(parse(r).attribute(ErrorCode.class).orElseThrow().code()).isEqualTo(487);
        assertThat(StunMessage.verifyIntegrity(r, 0, r.length, agentKey)).isTrue(); // 487 is authenticated
    }

    @Test
    void requestWithoutPriorityGets400() {
        input(1, peerRequest(1, 5L, null, false, false, agentKey));
        assertThat(parse(drain().get(0).data()).attribute(ErrorCode.class).orElseThrow().code()).isEqualTo(400);
        assertThat(agent.stats().badRequests()).isEqualTo(1);
        assertThat(agent.remoteCandidates()).isEmpty();
    }

    @Test
    void unknownComprehensionRequiredAttributeGets420() {
        byte[] buf = new byte[512];
        StunWriter w = new StunWriter().start(buf, 0, buf.length, StunClass.REQUEST, StunMethod.BINDING,
                TransactionId.random(new Random(5)));
        byte[] u = (agent.localCredentials().ufrag() + ":" + PEER_CREDS.ufrag()).getBytes(StandardCharsets.UTF_8);
        w.addBytes(StunAttributeType.USERNAME, u, 0, u.length).addU32(StunAttributeType.PRIORITY, 1862270975L)
                .addU64(StunAttributeType.ICE_CONTROLLED, 5L).addU32(0x7ff0, 1);
        byte[] req = Arrays.copyOf(buf, w.finish(agentKey, IntegrityAlgorithm.HMAC_SHA1, true));
        input(1, req);
        byte[] raw = drain().get(0).data();
        StunMessage r = parse(raw);
        assertThat(r.attribute(ErrorCode.class).orElseThrow().code()).isEqualTo(420);
        assertThat(r.attribute(org.jwebrtc.stun.UnknownAttributes.class).orElseThrow().types()).containsExactly(0x7ff0);
        assertThat(StunMessage.verifyIntegrity(raw, 0, raw.length, agentKey)).isTrue();
        assertThat(agent.remoteCandidates()).isEmpty();
    }

    @Test
    void validRequestIsAnsweredWithXorMappedAddressAndTriggersACheck() {
        agent = agent(IceRole.CONTROLLED);
        input(1, peerRequest(1, 5L, null, false, true, agentKey));
        List<Transmit> out = drain();
        StunMessage r = parse(out.get(0).data());
        assertThat(r.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
        assertThat(r.attribute(XorMappedAddress.class).orElseThrow().address()).isEqualTo(PEER);
        assertThat(StunMessage.verifyIntegrity(out.get(0).data(), 0, out.get(0).data().length, agentKey)).isTrue();
        // RFC 8445 §7.3.1.3: the unknown source is a remote peer-reflexive candidate...
        assertThat(agent.remoteCandidates()).singleElement()
                .satisfies(c -> assertThat(c.type()).isEqualTo(CandidateType.PEER_REFLEXIVE));
        // ... and §7.3.1.4: a triggered check goes back on the next Ta slot.
        assertThat(agent.pollTimeout()).isEqualTo(1);
        agent.handleTimeout(1);
        Transmit triggered = drain().get(0);
        assertThat(triggered.remote()).isEqualTo(PEER);
        assertThat(parse(triggered.data()).messageClass()).isEqualTo(StunClass.REQUEST);
    }

    @Test
    void controlledAgentAcceptsAggressiveNominationOnceItsCheckSucceeds() {
        agent = agent(IceRole.CONTROLLED);
        input(1, peerRequest(1, 5L, null, true, true, agentKey));
        assertThat(agent.selectedPair()).isEmpty(); // our own check has not succeeded yet
        drain();
        agent.handleTimeout(1);
        StunMessage ourCheck = parse(drain().get(0).data());
        input(2, successFor(ourCheck, LOCAL, PEER_KEY));
        assertThat(agent.selectedPair()).isPresent();
        assertThat(agent.selectedPair().get().remote().address()).isEqualTo(PEER);
        assertThat(agent.state()).isEqualTo(IceConnectionState.CONNECTED);
    }

    @Test
    void aggressiveNominationOfSeveralPairsSelectsTheHighestPriority() {
        agent = agent(IceRole.CONTROLLED);
        InetSocketAddress second = new InetSocketAddress("127.0.0.1", 10002);
        agent.addLocalCandidate(Candidate.host(second, 60000)); // lower local preference
        byte[] lowReq = peerRequest(1, 5L, null, true, true, agentKey);
        agent.handleInput(1, second, PEER, lowReq, 0, lowReq.length);
        drain();
        agent.handleTimeout(1);
        StunMessage lowCheck = parse(drain().get(0).data());
        byte[] lowResp = successFor(lowCheck, second, PEER_KEY);
        agent.handleInput(2, second, PEER, lowResp, 0, lowResp.length);
        assertThat(agent.selectedPair().orElseThrow().local().address()).isEqualTo(second);
        // Then the peer nominates the pair on the better candidate too (aggressive): it takes over.
        input(3, peerRequest(2, 5L, null, true, true, agentKey));
        drain();
        agent.handleTimeout(agent.pollTimeout());
        StunMessage highCheck = parse(drain().stream().filter(t -> t.local().equals(LOCAL)).findFirst()
                .orElseThrow().data());
        input(4, successFor(highCheck, LOCAL, PEER_KEY));
        assertThat(agent.selectedPair().orElseThrow().local().address()).isEqualTo(LOCAL);
        assertThat(events().stream().filter(e -> e instanceof IceEvent.SelectedPair).count()).isEqualTo(2);
    }

    @Test
    void consentRevokedBy403Fails() {
        agent = agent(IceRole.CONTROLLED);
        input(1, peerRequest(1, 5L, null, true, true, agentKey));
        drain();
        agent.handleTimeout(1);
        input(2, successFor(parse(drain().get(0).data()), LOCAL, PEER_KEY));
        long t = agent.pollTimeout();
        agent.handleTimeout(t);
        StunMessage consent = parse(drain().stream().filter(x -> parse(x.data()).messageClass()
                == StunClass.REQUEST).findFirst().orElseThrow().data());
        input(t + 1, errorFor(consent, 403, PEER_KEY));
        assertThat(agent.state()).isEqualTo(IceConnectionState.FAILED); // RFC 7675 §5.2
        assertThat(agent.canSend()).isFalse();
    }

    @Test
    void relayedCandidateSendsFromItsRelayedAddress() {
        Random r = new Random(3);
        IceAgent a = new IceAgent(IceConfig.defaults(), IceCredentials.random(r), r);
        a.setRemoteCredentials(PEER_CREDS);
        InetSocketAddress relayed = new InetSocketAddress("198.51.100.9", 40000);
        a.addLocalCandidate(Candidate.relayed(relayed, new InetSocketAddress("203.0.113.1", 6000),
                new InetSocketAddress("198.51.100.9", 3478), 65535, 1));
        a.addRemoteCandidate(Candidate.remote(CandidateType.HOST, "x", 1, 2130706431L,
                new InetSocketAddress("192.0.2.44", 5000), Optional.empty()));
        a.handleTimeout(0);
        Transmit t = a.pollTransmit();
        assertThat(t.local()).isEqualTo(relayed);
        assertThat(t.remote()).isEqualTo(new InetSocketAddress("192.0.2.44", 5000));
    }

    @Test
    void pairsFormOnlyWithinAnAddressFamily() throws Exception {
        agent.addRemoteCandidate(Candidate.remote(CandidateType.HOST, "v6", 1, 2130706431L,
                new InetSocketAddress(java.net.InetAddress.getByName("::1"), 20000), Optional.empty()));
        assertThat(agent.checklist()).isEmpty();
        agent.addRemoteCandidate(Candidate.host(PEER, 65535));
        assertThat(agent.checklist()).hasSize(1);
    }

    @Test
    void serverReflexiveLocalCandidateIsCheckedFromItsBaseOnly() {
        agent.addLocalCandidate(Candidate.serverReflexive(new InetSocketAddress("203.0.113.1", 6000), LOCAL,
                new InetSocketAddress("198.51.100.1", 3478), 65535, 1));
        agent.addRemoteCandidate(Candidate.host(PEER, 65535));
        // RFC 8445 §6.1.2.4: srflx/host is base/host, redundant with host/host.
        assertThat(agent.checklist()).singleElement()
                .satisfies(e -> assertThat(e.pair().local().type()).isEqualTo(CandidateType.HOST));
    }

    @Test
    void closeStopsEverything() {
        firstCheck();
        agent.close();
        assertThat(agent.state()).isEqualTo(IceConnectionState.CLOSED);
        assertThat(events()).endsWith(new IceEvent.StateChanged(IceConnectionState.CLOSED));
        assertThat(agent.pollTimeout()).isEqualTo(Long.MAX_VALUE);
        agent.handleTimeout(10_000_000_000L);
        assertThat(agent.pollTransmit()).isNull();
        input(1, peerRequest(1, 5L, null, false, true, agentKey));
        assertThat(agent.pollTransmit()).isNull();
        assertThat(agent.stats().ignored()).isEqualTo(1);
    }

    @Test
    void misuseIsRejected() {
        assertThatThrownBy(() -> agent.addLocalCandidate(Candidate.remote(CandidateType.PEER_REFLEXIVE, "p", 1, 5,
                PEER, Optional.empty()))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> agent.addLocalCandidate(Candidate.host(PEER, 1, 2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> agent.restart(agent.localCredentials()))
                .isInstanceOf(IllegalArgumentException.class); // RFC 8445 §9: a restart needs new credentials
        agent.close();
        assertThatThrownBy(() -> agent.restart(new IceCredentials("other", "otherPasswordOtherPwd")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aLiteAgentAnswersAndSelectsTheNominatedPairWithoutEverChecking() {
        Random r = new Random(8);
        agent = new IceAgent(IceConfig.defaults().withLite(true), IceCredentials.random(r), r);
        agent.addLocalCandidate(Candidate.host(LOCAL, 65535));
        agentKey = agent.localCredentials().pwd().getBytes(StandardCharsets.UTF_8);
        agent.addRemoteCandidate(Candidate.host(PEER, 65535)); // no checklist: lite agents form none (RFC 8445 §6.1.2)
        agent.setRemoteCredentials(PEER_CREDS);
        assertThat(agent.checklist()).isEmpty();
        agent.handleTimeout(0);
        assertThat(drain()).isEmpty();
        assertThat(agent.pollTimeout()).isEqualTo(Long.MAX_VALUE);
        input(1, peerRequest(1, 5L, null, false, true, agentKey));
        assertThat(drain()).singleElement().satisfies(t ->
                assertThat(parse(t.data()).messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE));
        assertThat(agent.validPairs()).hasSize(1);
        assertThat(agent.selectedPair()).isEmpty();
        input(2, peerRequest(2, 5L, null, true, true, agentKey));
        drain();
        assertThat(agent.selectedPair()).isPresent();
        assertThat(events()).contains(new IceEvent.StateChanged(IceConnectionState.COMPLETED));
        // A full peer claiming the controlled role gets 487 (a lite agent never controls, RFC 8445 §6.1.1).
        input(3, peerRequest(3, null, 5L, false, true, agentKey));
        assertThat(parse(drain().get(0).data()).attribute(ErrorCode.class).orElseThrow().code())
                .isEqualTo(ErrorCode.ROLE_CONFLICT);
        assertThat(agent.role()).isEqualTo(IceRole.CONTROLLED);
        // Time passes: no consent requests, only a keepalive indication when idle.
        agent.handleTimeout(16_000_000_000L);
        assertThat(drain()).allSatisfy(t -> assertThat(parse(t.data()).messageClass()).isEqualTo(StunClass.INDICATION));
        assertThat(agent.stats().checksSent() + agent.stats().consentChecksSent()).isZero();
    }

    @Test
    void aRemoteRestartDropsTheOldCandidatesAndChecksWithTheNewPassword() {
        agent.addRemoteCandidate(Candidate.host(PEER, 65535));
        IceCredentials renewed = new IceCredentials("newPeerUfrag", "newPeerPasswordNewPeerPwd");
        agent.setRemoteCredentials(renewed);
        assertThat(agent.remoteCandidates()).isEmpty();
        assertThat(agent.checklist()).isEmpty();
        agent.addRemoteCandidate(Candidate.host(PEER, 65535));
        agent.handleTimeout(0);
        StunMessage check = parse(drain().get(0).data());
        assertThat(check.attribute(Username.class).orElseThrow().value())
                .isEqualTo("newPeerUfrag:" + agent.localCredentials().ufrag());
        byte[] raw = check.toBytes("newPeerPasswordNewPeerPwd".getBytes(StandardCharsets.UTF_8), true);
        assertThat(StunMessage.verifyIntegrity(raw, 0, raw.length,
                "newPeerPasswordNewPeerPwd".getBytes(StandardCharsets.UTF_8))).isTrue();
    }
}
