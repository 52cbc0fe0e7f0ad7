package org.jwebrtc.ice;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.jwebrtc.ice.internal.CheckList;
import org.jwebrtc.ice.internal.CheckPair;
import org.jwebrtc.ice.internal.ConsentFreshness;
import org.jwebrtc.ice.internal.IceMessages;
import org.jwebrtc.ice.internal.SessionCredentials;
import org.jwebrtc.ice.internal.Transaction;
import org.jwebrtc.stun.ErrorCode;
import org.jwebrtc.stun.StunAttributeType;
import org.jwebrtc.stun.StunClass;
import org.jwebrtc.stun.StunException;
import org.jwebrtc.stun.StunMessage;
import org.jwebrtc.stun.StunMethod;
import org.jwebrtc.stun.StunView;
import org.jwebrtc.stun.TransactionId;

/**
 * Full ICE agent (RFC 8445) for one component of one data stream, with trickle (RFC 8838) and consent freshness
 * (RFC 7675). Sans-IO: candidates are gathered by the caller, datagrams and time are fed in, datagrams, events and
 * the next deadline are polled out. After any mutation, drain {@link #pollTransmit()} and {@link #pollEvent()} until
 * null, then call {@link #handleTimeout(long)} at {@link #pollTimeout()}.
 *
 * <p>Not thread-safe: owned by exactly one thread.
 */
public final class IceAgent {
    private static final System.Logger LOG = System.getLogger(IceAgent.class.getName());

    private final IceConfig config;
    private final RandomGenerator random;
    private final long tieBreaker;
    private IceRole role;
    /** Credentials of the current generation (RFC 8445 §9: a restart starts a new one). */
    private SessionCredentials creds;
    /** Credentials of the generation the selected pair belongs to; differs from {@code creds} during a restart. */
    private SessionCredentials selectedCreds;
    /** Since the last selection the peer's credentials changed (its restart): our own restart keeps them. */
    private boolean remoteRenewed;
    private boolean remoteLite;
    private HostnameResolver resolver = h -> Optional.empty();

    private final List<Candidate> localCandidates = new ArrayList<>();
    private final List<Candidate> remoteCandidates = new ArrayList<>();
    private final List<Candidate> unresolvedRemote = new ArrayList<>();
    private final CheckList checklist;
    private final List<CheckPair> validList = new ArrayList<>();
    private final List<Transaction> transactions = new ArrayList<>();
    private final ArrayDeque<Transmit> transmits = new ArrayDeque<>();
    private final ArrayDeque<IceEvent> events = new ArrayDeque<>();
    private final IceMessages messages = new IceMessages();
    private final StunView view = new StunView();
    private final List<EarlyRequest> earlyRequests = new ArrayList<>();
    private static final int MAX_EARLY_REQUESTS = 16;
    private static final int MAX_NOMINATION_ROUNDS = 3;

    private IceConnectionState state = IceConnectionState.NEW;
    private boolean remoteEndOfCandidates;
    private long now;
    private boolean checkSent;
    private long nextCheckAt;
    private boolean hasValid;
    private long firstValidAt;
    private CheckPair pendingNomination;
    private CheckPair nominating;
    private CheckPair selected;
    private final ConsentFreshness consent;
    private int prflxCounter;

    private long notStun;
    private long malformed;
    private long badFingerprint;
    private long badIntegrity;
    private long unknownUsername;
    private long badRequests;
    private long unmatchedResponses;
    private long ignored;
    private long accepted;
    private long roleConflicts;
    private long checksSent;
    private long retransmissions;
    private long consentChecksSent;
    private long keepalivesSent;

    /**
     * @param config configuration (role, timers)
     * @param local  our ufrag and password, also signalled to the peer
     * @param random source of transaction IDs, the tie-breaker and consent jitter (seed it in tests)
     */
    public IceAgent(IceConfig config, IceCredentials local, RandomGenerator random) {
        this.config = Objects.requireNonNull(config, "config");
        this.random = Objects.requireNonNull(random, "random");
        this.role = config.role();
        this.tieBreaker = random.nextLong();
        this.creds = new SessionCredentials(Objects.requireNonNull(local, "local"), null);
        this.checklist = new CheckList(config.maxPairs());
        this.consent = new ConsentFreshness(config, random);
    }

    // ------------------------------------------------------------------ configuration and candidates

    /** Our current ufrag and password (new after {@link #restart}). */
    public IceCredentials localCredentials() {
        return creds.local;
    }

    /** The peer's current credentials, if known. */
    public Optional<IceCredentials> remoteCredentials() {
        return Optional.ofNullable(creds.remote);
    }

    /** True for an ICE-lite agent (RFC 8445 §2.5). */
    public boolean isLite() {
        return config.lite();
    }

    public IceRole role() {
        return role;
    }

    /** Our ICE-CONTROLLING/ICE-CONTROLLED tie-breaker (RFC 8445 §7.1.3). */
    public long tieBreaker() {
        return tieBreaker;
    }

    public IceConnectionState state() {
        return state;
    }

    /**
     * The peer's ufrag and password (from SDP). Checks start once they and a pair exist; requests that arrive
     * earlier are answered and their triggered checks wait (RFC 8445 §7.3).
     *
     * <p>Other credentials than the known ones mean the peer restarted ICE (RFC 8445 §9): its candidates, the
     * checklist and the valid list are dropped and checking starts over with the candidates it signals next, while the
     * selected pair keeps carrying data (and consent, with the old credentials) until the new checks select a pair.
     * Credentials set after our own {@link #restart} are simply the new generation's.
     */
    public void setRemoteCredentials(IceCredentials remote) {
        Objects.requireNonNull(remote, "remote");
        if (state == IceConnectionState.CLOSED || remote.equals(creds.remote)) {
            return;
        }
        boolean restart = creds.remote != null;
        SessionCredentials before = creds;
        creds = creds.withRemote(remote);
        if (!restart && selectedCreds == before) {
            selectedCreds = creds; // a lite agent may select before it learns the peer's credentials
        }
        if (restart) {
            remoteRenewed = true;
            remoteCandidates.clear();
            unresolvedRemote.clear();
            remoteEndOfCandidates = false;
            startGeneration();
        }
    }

    /**
     * ICE restart (RFC 8445 §9) with new local credentials, e.g. for a new offer or the answer to a restarting offer.
     * Checks start over; the selected pair keeps carrying data and answering consent with the old credentials until
     * the new checklist selects a pair, then {@link IceEvent.SelectedPair} reports the switch. Unless the peer's new
     * credentials are already known (it restarted first), they and its candidates are awaited: call
     * {@link #setRemoteCredentials} and {@link #addRemoteCandidate} again. Local candidates stay. A restart also
     * revives a {@link IceConnectionState#FAILED} agent.
     */
    public void restart(IceCredentials newLocal) {
        Objects.requireNonNull(newLocal, "newLocal");
        if (state == IceConnectionState.CLOSED) {
            throw new IllegalStateException("closed");
        }
        if (newLocal.equals(creds.local)) {
            throw new IllegalArgumentException("an ICE restart needs a new ufrag and password (RFC 8445 §9)");
        }
        creds = creds.withLocal(newLocal);
        if (!remoteRenewed) {
            creds = new SessionCredentials(newLocal, null);
            remoteCandidates.clear();
            unresolvedRemote.clear();
            remoteEndOfCandidates = false;
        }
        startGeneration();
    }

    /**
     * The peer is ICE-lite ({@code a=ice-lite}, RFC 8445 §2.5): a full agent then takes the controlling role
     * (RFC 8445 §6.1.1) and gets no checks from the peer, only answers to its own.
     */
    public void setRemoteLite(boolean lite) {
        remoteLite = lite;
        if (lite && !config.lite() && role != IceRole.CONTROLLING) {
            switchRole(IceRole.CONTROLLING);
        }
    }

    /** Resets checking for a new generation; the selected pair, if any, stays until a new one is selected. */
    private void startGeneration() {
        transactions.removeIf(tx -> !tx.consent);
        checklist.clear();
        validList.clear();
        earlyRequests.clear();
        pendingNomination = null;
        nominating = null;
        hasValid = false;
        checkSent = false;
        if (state == IceConnectionState.FAILED) {
            selected = null;
            selectedCreds = null;
            transactions.clear();
        }
        if (selected == null) {
            setState(IceConnectionState.CHECKING);
        } else if (state == IceConnectionState.COMPLETED) {
            setState(IceConnectionState.CONNECTED);
        }
        for (Candidate l : localCandidates) {
            for (Candidate r : remoteCandidates) {
                formPair(l, r);
            }
        }
    }

    /** True while a restart is under way: a pair of the previous generation is still selected. */
    private boolean restarting() {
        return selected != null && selectedCreds != creds;
    }

    /** Whether new candidates still form pairs (RFC 8838 §13: not after nomination, unless renominating). */
    private boolean formingPairs() {
        return state != IceConnectionState.CLOSED && state != IceConnectionState.FAILED
                && (selected == null || restarting() || config.renomination());
    }

    /** Resolver consulted when an unresolved (mDNS) remote candidate is added. */
    public void setHostnameResolver(HostnameResolver resolver) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /**
     * Adds a host, server-reflexive or relayed candidate the caller gathered (and signalled). Candidates of another
     * component are rejected. Pairs form with every known remote candidate (RFC 8838 §10).
     */
    public void addLocalCandidate(Candidate c) {
        Objects.requireNonNull(c, "candidate");
        if (c.type() == CandidateType.PEER_REFLEXIVE) {
            throw new IllegalArgumentException("peer-reflexive candidates are discovered by the agent");
        }
        if (c.componentId() != config.componentId()) {
            throw new IllegalArgumentException("candidate for component " + c.componentId() + ", agent serves "
                    + config.componentId());
        }
        if (c.isUnresolved()) {
            throw new IllegalArgumentException("local candidate must be resolved");
        }
        for (Candidate l : localCandidates) {
            if (l.type() == c.type() && l.transport() == c.transport() && l.address().equals(c.address())
                    && l.base().equals(c.base())) {
                return;
            }
        }
        localCandidates.add(c);
        if (formingPairs()) {
            for (Candidate r : remoteCandidates) {
                formPair(c, r);
            }
        }
        replayEarlyRequests(c);
    }

    /**
     * Adds a candidate signalled by the peer, at any time (trickle, RFC 8838 §11). An unresolved address (mDNS
     * {@code .local} name) is kept aside until {@link #resolveRemoteHostname} or the {@link HostnameResolver}
     * supplies an address; meanwhile the peer can still be reached through the peer-reflexive candidate its checks
     * reveal. A candidate for another component is ignored.
     */
    public void addRemoteCandidate(Candidate c) {
        Objects.requireNonNull(c, "candidate");
        if (c.componentId() != config.componentId() || state == IceConnectionState.CLOSED) {
            return;
        }
        if (c.isUnresolved()) {
            Optional<InetAddress> known = resolver.resolve(c.address().getHostString());
            if (known.isEmpty()) {
                unresolvedRemote.add(c);
                return;
            }
            c = c.withResolvedAddress(known.get());
        }
        Candidate existing = findRemote(c.address(), c.transport());
        if (existing != null) {
            if (existing.type() == CandidateType.PEER_REFLEXIVE && c.type() != CandidateType.PEER_REFLEXIVE) {
                // RFC 8838 §11 step 4.A: keep the pairs (and their priority), now naming the signalled candidate.
                remoteCandidates.set(remoteCandidates.indexOf(existing), c);
                checklist.replaceRemote(existing, c);
                for (CheckPair v : validList) {
                    if (v.remote() == existing) {
                        v.replaceRemote(c);
                    }
                }
            }
            return;
        }
        remoteCandidates.add(c);
        if (!formingPairs()) {
            return;
        }
        for (Candidate l : localCandidates) {
            formPair(l, c);
        }
    }

    /** Resolves the unresolved remote candidates named {@code hostname} (e.g. after an mDNS query). */
    public void resolveRemoteHostname(String hostname, InetAddress address) {
        List<Candidate> resolved = new ArrayList<>();
        unresolvedRemote.removeIf(c -> {
            if (c.address().getHostString().equalsIgnoreCase(hostname)) {
                resolved.add(c.withResolvedAddress(address));
                return true;
            }
            return false;
        });
        resolved.forEach(this::addRemoteCandidate);
    }

    /** Remote candidates waiting for a host name resolution. */
    public List<Candidate> unresolvedRemoteCandidates() {
        return List.copyOf(unresolvedRemote);
    }

    /**
     * The peer signalled end-of-candidates (RFC 8838 §14): from now on, all pairs failing means ICE failed.
     */
    public void endOfRemoteCandidates() {
        remoteEndOfCandidates = true;
        updateState();
    }

    /**
     * A local candidate went away (network change: interface down, TURN allocation lost). Its pairs fail, their
     * checks stop, and checking goes on with the other candidates. For a host candidate, the server- and
     * peer-reflexive candidates sharing its base go too. If the selected pair used it, nothing is selected until
     * another pair is nominated (state {@link IceConnectionState#DISCONNECTED} meanwhile); tell the peer with a
     * candidate removal so it drops the pair as well ({@link #removeRemoteCandidate}).
     */
    public void removeLocalCandidate(Candidate c) {
        Objects.requireNonNull(c, "candidate");
        List<Candidate> gone = new ArrayList<>();
        for (Candidate l : localCandidates) {
            boolean sameBase = c.type() == CandidateType.HOST && l.base().equals(c.base())
                    && l.transport() == c.transport();
            if (l.equals(c) || sameBase) {
                gone.add(l);
            }
        }
        localCandidates.removeAll(gone);
        dropPairs(p -> gone.contains(p.local()));
    }

    /** The peer signalled that a candidate is gone: pairs with it fail, as in {@link #removeLocalCandidate}. */
    public void removeRemoteCandidate(Candidate c) {
        Objects.requireNonNull(c, "candidate");
        Candidate known = findRemote(c.address(), c.transport());
        if (known == null) {
            return;
        }
        remoteCandidates.remove(known);
        dropPairs(p -> p.remoteAddress().equals(known.address()) && p.transport() == known.transport());
    }

    private void dropPairs(java.util.function.Predicate<CheckPair> gone) {
        for (CheckPair p : checklist.pairs()) {
            if (gone.test(p)) {
                p.state(CandidatePairState.FAILED);
            }
        }
        transactions.removeIf(tx -> gone.test(tx.pair));
        validList.removeIf(gone);
        if (pendingNomination != null && gone.test(pendingNomination)) {
            pendingNomination = null;
        }
        if (nominating != null && gone.test(nominating)) {
            nominating = null;
        }
        if (selected != null && gone.test(selected)) {
            LOG.log(System.Logger.Level.DEBUG, "selected pair lost: {0}", selected);
            selected = null;
            selectedCreds = null;
            transactions.removeIf(tx -> tx.consent);
            if (state != IceConnectionState.CLOSED && state != IceConnectionState.FAILED) {
                setState(IceConnectionState.DISCONNECTED);
            }
            // Checks continue: idle pairs were dropped at nomination (RFC 8445 §8.1.2), so form them again.
            for (Candidate l : localCandidates) {
                for (Candidate r : remoteCandidates) {
                    formPair(l, r);
                }
            }
            if (role == IceRole.CONTROLLED) {
                for (CheckPair v : validList) {
                    if (v.nominated) {
                        nominate(v); // the highest pair the peer already nominated
                        break;
                    }
                }
            }
        }
        updateState();
    }

    public List<Candidate> localCandidates() {
        return List.copyOf(localCandidates);
    }

    /** Resolved remote candidates, signalled and peer-reflexive. */
    public List<Candidate> remoteCandidates() {
        return List.copyOf(remoteCandidates);
    }

    /** Snapshot of the checklist in priority order with each pair's state (diagnostics, tests). */
    public List<Entry> checklist() {
        List<Entry> out = new ArrayList<>();
        for (CheckPair p : checklist.pairs()) {
            out.add(new Entry(p.snapshot(), p.state(), p.nominated));
        }
        return out;
    }

    /** One checklist line: pair, state, nominated flag. */
    public record Entry(CandidatePair pair, CandidatePairState state, boolean nominated) {
    }

    /** Valid pairs (RFC 8445 §7.2.5.3.2), highest priority first. */
    public List<CandidatePair> validPairs() {
        return validList.stream().map(CheckPair::snapshot).toList();
    }

    public Optional<CandidatePair> selectedPair() {
        return selected == null ? Optional.empty() : Optional.of(selected.snapshot());
    }

    /** True when application data may be sent: a pair is selected and consent holds (RFC 7675 §5.1). */
    public boolean canSend() {
        return selected != null && (state == IceConnectionState.CONNECTED || state == IceConnectionState.COMPLETED
                || state == IceConnectionState.DISCONNECTED);
    }

    /**
     * Wraps application data (DTLS, SRTP, ...) for the selected pair: from the local candidate's base to the remote
     * address. Empty when nothing is selected or consent is lost. Counts as traffic for keepalives (RFC 8445 §11).
     */
    public Optional<Transmit> send(long nowNanos, byte[] data) {
        if (!canSend()) {
            return Optional.empty();
        }
        advance(nowNanos);
        consent.sent(now);
        return Optional.of(new Transmit(selected.localBase(), selected.remoteAddress(), data, selected.transport()));
    }

    /** RFC 7983 demultiplexing: true when the datagram is STUN (and so is for {@link #handleInput}). */
    public static boolean isStun(byte[] buf, int off, int len) {
        return StunMessage.isStun(buf, off, len);
    }

    public IceStats stats() {
        return new IceStats(notStun, malformed, badFingerprint, badIntegrity, unknownUsername, badRequests,
                unmatchedResponses, ignored, accepted, roleConflicts, checksSent, retransmissions, consentChecksSent,
                keepalivesSent);
    }

    /** Stops everything: state {@link IceConnectionState#CLOSED}, nothing more is sent. */
    public void close() {
        if (state == IceConnectionState.CLOSED) {
            return;
        }
        transactions.clear();
        transmits.clear();
        setState(IceConnectionState.CLOSED);
    }

    // ------------------------------------------------------------------ sans-IO surface

    /**
     * Feeds a datagram that arrived at the local socket {@code local} from {@code remote}. {@code local} must be the
     * address of the local candidate as added (not a wildcard bind address), or a relayed candidate's address for
     * data that came through TURN. Never throws on bad input: drops and counts it.
     *
     * @return false when the datagram is not STUN (not for ICE: hand it to DTLS/SRTP), true otherwise
     */
    public boolean handleInput(long nowNanos, InetSocketAddress local, InetSocketAddress remote, byte[] buf, int off,
                               int len) {
        return handleInput(nowNanos, TransportProtocol.UDP, local, remote, buf, off, len);
    }

    /**
     * As {@link #handleInput(long, InetSocketAddress, InetSocketAddress, byte[], int, int)} for either transport. For
     * TCP (RFC 6544) pass one frame that {@link Rfc4571Framer} extracted from the connection; {@code local} is the TCP
     * candidate's base (port 9 for an active candidate, whatever ephemeral port the connection really uses) and
     * {@code remote} the connection's peer address.
     */
    public boolean handleInput(long nowNanos, TransportProtocol transport, InetSocketAddress local,
                               InetSocketAddress remote, byte[] buf, int off, int len) {
        if (!StunMessage.isStun(buf, off, len)) {
            notStun++;
            return false;
        }
        advance(nowNanos);
        if (state == IceConnectionState.CLOSED || state == IceConnectionState.FAILED) {
            ignored++;
            return true;
        }
        try {
            view.wrap(buf, off, len);
        } catch (StunException e) {
            if (fingerprintMismatch(buf, off, len)) {
                badFingerprint++;
            } else {
                malformed++;
            }
            return true;
        }
        if (view.method() != StunMethod.BINDING) {
            ignored++;
            return true;
        }
        try {
            StunClass cls = view.messageClass();
            if (cls == StunClass.REQUEST) {
                onRequest(transport, local, remote, buf, off);
            } else if (cls == StunClass.INDICATION) {
                ignored++; // peer keepalive (RFC 8445 §11): nothing to do
            } else {
                onResponse(transport, local, remote);
            }
        } catch (StunException e) {
            malformed++;
        }
        decideNomination();
        updateState();
        return true;
    }

    /** Runs timers due at {@code nowNanos}: paced checks, retransmissions, nomination, consent, keepalives. */
    public void handleTimeout(long nowNanos) {
        advance(nowNanos);
        if (state == IceConnectionState.CLOSED || state == IceConnectionState.FAILED) {
            return;
        }
        retransmit();
        if (checking() && (!checkSent || due(nextCheckAt))) {
            CheckPair p = pendingNomination;
            if (p != null) {
                pendingNomination = null;
                nominating = p;
                sendCheck(p, true);
            } else if ((p = checklist.next()) != null) {
                sendCheck(p, false);
            }
        }
        decideNomination();
        maintainSelected();
        updateState();
    }

    /** Next datagram to send, or null. */
    public Transmit pollTransmit() {
        return transmits.pollFirst();
    }

    /** Next event, or null. */
    public IceEvent pollEvent() {
        return events.pollFirst();
    }

    /**
     * Absolute time (nanos, the clock of the {@code nowNanos} passed in) at which {@link #handleTimeout} should run;
     * {@link Long#MAX_VALUE} for none. When work is due at once (e.g. after candidates were added) it is the last time
     * seen (0 before any), so compare as {@code deadline - now <= 0}.
     */
    public long pollTimeout() {
        if (state == IceConnectionState.CLOSED || state == IceConnectionState.FAILED) {
            return Long.MAX_VALUE;
        }
        long t = Long.MAX_VALUE;
        boolean any = false;
        for (Transaction tx : transactions) {
            t = any ? earlier(t, tx.deadline) : tx.deadline;
            any = true;
        }
        if (checking() && (pendingNomination != null || checklist.hasWork())) {
            long c = checkSent ? nextCheckAt : now;
            t = any ? earlier(t, c) : c;
            any = true;
        }
        if (awaitingNomination()) {
            long n = firstValidAt + config.nominationDelay().toNanos();
            t = any ? earlier(t, n) : n;
            any = true;
        }
        if (selected != null && canSend()) {
            long c = consent.deadline(state == IceConnectionState.DISCONNECTED);
            t = any ? earlier(t, c) : c;
        }
        return t;
    }

    /** A full agent that knows the peer's credentials sends checks; a lite one never does (RFC 8445 §2.5). */
    private boolean checking() {
        return creds.remote != null && !config.lite();
    }

    // ------------------------------------------------------------------ requests (RFC 8445 §7.3)

    private void onRequest(TransportProtocol transport, InetSocketAddress local, InetSocketAddress source, byte[] buf,
                           int off) {
        // FINGERPRINT is mandatory on ICE checks (RFC 8445 §7.1, §7.3): without it, the packet might not be STUN.
        if (!view.hasFingerprint()) {
            badFingerprint++;
            return;
        }
        int u = view.indexOf(StunAttributeType.USERNAME);
        if (u < 0 || view.integrityAlgorithm() == null) {
            badRequests++; // RFC 8489 §9.1.3: missing USERNAME or MESSAGE-INTEGRITY → 400
            send(transport, local, source, messages.error(buf, off, ErrorCode.BAD_REQUEST, null));
            return;
        }
        SessionCredentials as = creds;
        if (!usernameStartsWith(u, creds.localUfragColon)) {
            // During a restart the peer's consent checks on the selected pair still use the old credentials.
            as = restarting() && usernameStartsWith(u, selectedCreds.localUfragColon) ? selectedCreds : null;
        }
        if (as == null) {
            unknownUsername++; // RFC 8489 §9.1.3: unknown username → 401
            send(transport, local, source, messages.error(buf, off, ErrorCode.UNAUTHENTICATED, null));
            return;
        }
        byte[] localKey = as.localKey;
        if (!view.verifyIntegrity(localKey)) {
            badIntegrity++; // RFC 8489 §9.1.3: bad MESSAGE-INTEGRITY → 401; nothing else happens
            send(transport, local, source, messages.error(buf, off, ErrorCode.UNAUTHENTICATED, null));
            return;
        }
        int unknown = view.firstUnknownComprehensionRequired(IceAgent::understood);
        if (unknown >= 0) {
            badRequests++; // RFC 8489 §6.3.1: 420 with UNKNOWN-ATTRIBUTES, after authentication (§9.1.3)
            send(transport, local, source, messages.unknownAttribute(buf, off, unknown, localKey));
            return;
        }
        long priority = view.priority();
        int ctl = view.indexOf(StunAttributeType.ICE_CONTROLLING);
        int ctd = view.indexOf(StunAttributeType.ICE_CONTROLLED);
        if (priority <= 0 || ctl >= 0 && view.valueLength(ctl) != 8 || ctd >= 0 && view.valueLength(ctd) != 8) {
            badRequests++; // RFC 8445 §7.1.1: PRIORITY is required
            send(transport, local, source, messages.error(buf, off, ErrorCode.BAD_REQUEST, null));
            return;
        }
        accepted++;
        // RFC 8445 §7.3.1.1: role conflict.
        if (role == IceRole.CONTROLLING && ctl >= 0) {
            roleConflicts++;
            if (Long.compareUnsigned(tieBreaker, view.valueU64(ctl)) >= 0) {
                send(transport, local, source, messages.error(buf, off, ErrorCode.ROLE_CONFLICT, localKey));
                return;
            }
            switchRole(IceRole.CONTROLLED);
        } else if (role == IceRole.CONTROLLED && ctd >= 0) {
            roleConflicts++;
            // A lite agent never takes control (RFC 8445 §6.1.1): the full peer must switch.
            if (!config.lite() && Long.compareUnsigned(tieBreaker, view.valueU64(ctd)) >= 0) {
                switchRole(IceRole.CONTROLLING);
            } else {
                send(transport, local, source, messages.error(buf, off, ErrorCode.ROLE_CONFLICT, localKey));
                return;
            }
        }
        boolean useCandidate = view.has(StunAttributeType.USE_CANDIDATE);
        send(transport, local, source, messages.success(buf, off, source, localKey)); // RFC 8445 §7.3.1.2
        if (as != creds) {
            // Previous generation: only the selected pair lives on; for a lite agent the peer's checks are its
            // sign of life.
            if (config.lite() && selected.sameFiveTuple(local, source, transport)) {
                consent.responseReceived(now);
            }
            return;
        }
        if (state == IceConnectionState.NEW) {
            setState(IceConnectionState.CHECKING);
        }
        Candidate localCandidate = localBaseCandidate(local, transport);
        if (localCandidate == null) {
            localCandidate = candidateWithBase(local, transport); // e.g. only its srflx candidate was trickled so far
        }
        if (localCandidate == null) {
            // Arrived at a socket whose candidate is not added yet (trickle race): answered; the triggered check
            // and any nomination wait until the candidate is added.
            rememberEarlyRequest(transport, local, source, priority, useCandidate);
            return;
        }
        if (!sameFamily(local, source)) {
            return;
        }
        onAuthenticatedRequest(localCandidate, source, priority, useCandidate);
    }

    private void onAuthenticatedRequest(Candidate localCandidate, InetSocketAddress source, long priority,
                                        boolean useCandidate) {
        Candidate remoteCandidate = findRemote(source, localCandidate.transport());
        if (remoteCandidate == null) {
            // RFC 8445 §7.3.1.3: a peer-reflexive remote candidate, priority from PRIORITY.
            long p = Math.min(priority, CandidatePriority.MAX);
            String foundation = "prflx" + (++prflxCounter);
            if (localCandidate.isTcp()) {
                // RFC 6544 §7.2: a connection accepted on a passive candidate came from the peer's active one.
                TcpType t = localCandidate.tcpType().get();
                TcpType peer = t == TcpType.PASSIVE ? TcpType.ACTIVE : t == TcpType.ACTIVE ? TcpType.PASSIVE : t;
                remoteCandidate = Candidate.remoteTcp(CandidateType.PEER_REFLEXIVE, foundation, config.componentId(),
                        p, source, Optional.empty(), peer);
            } else {
                remoteCandidate = Candidate.remote(CandidateType.PEER_REFLEXIVE, foundation, config.componentId(), p,
                        source, Optional.empty());
            }
            remoteCandidates.add(remoteCandidate);
        }
        if (config.lite()) {
            onLiteRequest(localCandidate, remoteCandidate, useCandidate);
            return;
        }
        CheckPair pair = triggerCheck(localCandidate, remoteCandidate);
        if (pair != null) {
            pair.peerHeardSinceNomination = true;
            if (pair.validPair != null) {
                pair.validPair.peerHeardSinceNomination = true;
            }
        }
        if (role == IceRole.CONTROLLING && nominating != null && pair != null
                && (nominating == pair || nominating == pair.validPair)) {
            // The peer reaches us on the pair we are nominating: as for an In-Progress pair (RFC 8445 §7.3.1.4),
            // cancel the nominating transaction and send it again now instead of waiting out its retransmissions.
            for (Transaction tx : transactions) {
                if (tx.pair == nominating && tx.useCandidate) {
                    tx.cancelled = true;
                }
            }
            pendingNomination = nominating;
            nominating = null;
        }
        // RFC 8445 §7.3.1.5: the controlled agent accepts nominations (regular or aggressive).
        if (useCandidate && role == IceRole.CONTROLLED && pair != null) {
            if (pair.state() == CandidatePairState.SUCCEEDED && pair.validPair != null) {
                nominate(pair.validPair);
            } else {
                pair.useCandidateReceived = true;
            }
        }
    }

    /**
     * RFC 8445 §2.5, §8.2: a lite agent answered the check (that was all it does); the pair counts as valid, and a
     * nomination selects it (the highest nominated pair wins). Its checks on the selected pair keep the pair alive.
     */
    private void onLiteRequest(Candidate localCandidate, Candidate remoteCandidate, boolean useCandidate) {
        CheckPair pair = checklist.find(localCandidate.base(), remoteCandidate.address(), localCandidate.transport());
        if (pair == null) {
            pair = new CheckPair(localCandidate, remoteCandidate,
                    CandidatePair.priorityFor(localCandidate, remoteCandidate, role));
            if (!checklist.addWaiting(pair)) {
                return;
            }
            pair.state(CandidatePairState.SUCCEEDED);
            pair.validPair = pair;
            addValid(pair);
        }
        if (pair == selected) {
            consent.responseReceived(now);
            if (state == IceConnectionState.DISCONNECTED) {
                setState(IceConnectionState.COMPLETED);
            }
        }
        if (useCandidate) {
            nominate(pair);
        }
    }

    private void rememberEarlyRequest(TransportProtocol transport, InetSocketAddress local, InetSocketAddress source,
                                      long priority, boolean useCandidate) {
        for (int i = 0; i < earlyRequests.size(); i++) {
            EarlyRequest e = earlyRequests.get(i);
            if (e.transport() == transport && e.local().equals(local) && e.source().equals(source)) {
                earlyRequests.set(i, new EarlyRequest(transport, local, source, priority,
                        useCandidate || e.useCandidate()));
                return;
            }
        }
        if (earlyRequests.size() < MAX_EARLY_REQUESTS) {
            earlyRequests.add(new EarlyRequest(transport, local, source, priority, useCandidate));
        }
    }

    /** Replays requests that arrived at {@code c}'s base before {@code c} was added. */
    private void replayEarlyRequests(Candidate c) {
        for (int i = 0; i < earlyRequests.size(); i++) {
            EarlyRequest e = earlyRequests.get(i);
            if (e.transport() == c.transport() && e.local().equals(c.base()) && sameFamily(e.local(), e.source())) {
                earlyRequests.remove(i--);
                onAuthenticatedRequest(c, e.source(), e.priority(), e.useCandidate());
            }
        }
    }

    /** An authenticated check that arrived at a local address with no candidate yet. */
    private record EarlyRequest(TransportProtocol transport, InetSocketAddress local, InetSocketAddress source,
                                long priority, boolean useCandidate) {
    }

    /** RFC 8445 §7.3.1.4. Returns the checklist pair for local/remote, or null when it did not fit. */
    private CheckPair triggerCheck(Candidate local, Candidate remote) {
        CheckPair pair = checklist.find(local.base(), remote.address(), local.transport());
        if (pair == null) {
            pair = new CheckPair(local, remote, CandidatePair.priorityFor(local, remote, role));
            if (!checklist.addWaiting(pair)) {
                return null;
            }
            checklist.trigger(pair);
            return pair;
        }
        switch (pair.state()) {
            case SUCCEEDED:
                break;
            case IN_PROGRESS:
                for (Transaction tx : transactions) {
                    if (tx.pair == pair && !tx.consent) {
                        tx.cancelled = true; // keep listening for its response until it times out
                    }
                }
                checklist.trigger(pair);
                break;
            default:
                checklist.trigger(pair);
                break;
        }
        return pair;
    }

    /** Comprehension-required attributes a Binding request for ICE may carry. */
    private static boolean understood(int type) {
        return type == StunAttributeType.USERNAME || type == StunAttributeType.MESSAGE_INTEGRITY
                || type == StunAttributeType.MESSAGE_INTEGRITY_SHA256 || type == StunAttributeType.PRIORITY
                || type == StunAttributeType.USE_CANDIDATE || type == StunAttributeType.XOR_MAPPED_ADDRESS
                || type == StunAttributeType.MAPPED_ADDRESS || type == StunAttributeType.ERROR_CODE
                || type == StunAttributeType.USERHASH;
    }

    private boolean usernameStartsWith(int index, byte[] localUfragColon) {
        int len = view.valueLength(index);
        if (len < localUfragColon.length) {
            return false;
        }
        byte[] b = view.buffer();
        int v = view.valueOffset(index);
        for (int i = 0; i < localUfragColon.length; i++) {
            if (b[v + i] != localUfragColon[i]) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ responses (RFC 8445 §7.2.5)

    private void onResponse(TransportProtocol transport, InetSocketAddress local, InetSocketAddress source)
            throws StunException {
        Transaction tx = null;
        for (Transaction t : transactions) {
            if (view.transactionIdEquals(t.id)) {
                tx = t;
                break;
            }
        }
        if (tx == null) {
            unmatchedResponses++;
            return;
        }
        boolean error = view.messageClass() == StunClass.ERROR_RESPONSE;
        boolean authentic = view.verifyIntegrity(tx.key);
        int code = 0;
        if (error) {
            code = Math.max(0, view.errorCode());
            // 400/401 cannot carry MESSAGE-INTEGRITY (the peer could not authenticate us); the transaction ID
            // (96 random bits) is their authentication. A 487 must be authentic: it changes our role.
            if (!authentic && (view.integrityAlgorithm() != null || code == ErrorCode.ROLE_CONFLICT)) {
                badIntegrity++;
                return;
            }
        } else if (!authentic) {
            badIntegrity++; // RFC 8445 §7.2.5.1: keep waiting for an authentic response
            return;
        }
        InetSocketAddress mapped = error ? null : view.xorMappedAddress().orElse(null);
        accepted++;
        transactions.remove(tx);
        if (tx.consent) {
            onConsentResponse(tx, transport, local, source, error, code);
            return;
        }
        CheckPair pair = tx.pair;
        // RFC 8445 §7.2.5.2.1: non-symmetric addresses fail the pair.
        if (!source.equals(tx.remote) || !local.equals(tx.local) || transport != pair.transport()) {
            failCheck(tx);
            return;
        }
        if (error) {
            if (code == ErrorCode.ROLE_CONFLICT) {
                // RFC 8445 §7.2.5.1: switch role unless already done, and retry the pair.
                roleConflicts++;
                if (tx.role == role) {
                    switchRole(role.opposite());
                }
                if (tx.useCandidate && nominating == pair) {
                    nominating = null;
                }
                if (checklist.pairs().contains(pair)) {
                    checklist.trigger(pair);
                }
            } else {
                failCheck(tx); // RFC 8445 §7.2.5.2.4: unrecoverable error
            }
            return;
        }
        if (mapped == null) {
            failCheck(tx);
            return;
        }
        onCheckSuccess(tx, pair, mapped);
    }

    /** RFC 8445 §7.2.5.3. */
    private void onCheckSuccess(Transaction tx, CheckPair pair, InetSocketAddress mapped) {
        Candidate localCandidate = findLocalByAddress(mapped, pair.localBase(), pair.transport());
        if (localCandidate == null) {
            // RFC 8445 §7.2.5.3.1: a local peer-reflexive candidate; its priority is the PRIORITY we sent.
            Candidate base = pair.local();
            localCandidate = new Candidate(CandidateType.PEER_REFLEXIVE,
                    Foundation.of(CandidateType.PEER_REFLEXIVE, pair.localBase().getAddress(), null,
                            base.transport()),
                    config.componentId(), tx.priority, mapped, pair.localBase(), Optional.of(pair.localBase()),
                    base.transport(), base.tcpType());
            localCandidates.add(localCandidate);
            events.add(new IceEvent.LocalCandidate(localCandidate));
        }
        CheckPair valid;
        if (localCandidate == pair.local()) {
            valid = pair;
        } else {
            valid = findValid(localCandidate, pair.remoteAddress());
            if (valid == null) {
                valid = new CheckPair(localCandidate, pair.remote(),
                        CandidatePair.priorityFor(localCandidate, pair.remote(), role));
            }
        }
        pair.state(CandidatePairState.SUCCEEDED);
        valid.state(CandidatePairState.SUCCEEDED);
        pair.validPair = valid;
        if (!validList.contains(valid)) {
            addValid(valid);
        }
        checklist.unfreezeFoundation(pair.foundation()); // RFC 8445 §7.2.5.3.3
        if (selected == valid) {
            consent.responseReceived(now); // any authentic success on the selected pair (RFC 7675 §5.1)
            if (state == IceConnectionState.DISCONNECTED) {
                setState(IceConnectionState.CONNECTED);
            }
        }
        if (tx.useCandidate && role == IceRole.CONTROLLING) {
            if (nominating == pair) {
                nominating = null;
            }
            nominate(valid); // RFC 8445 §8.1.1: the nominating check succeeded
        } else if (role == IceRole.CONTROLLED && (pair.useCandidateReceived || pair.nominated)) {
            nominate(valid); // RFC 8445 §7.3.1.5: nomination received before our check succeeded
        }
    }

    private void addValid(CheckPair valid) {
        int i = 0;
        while (i < validList.size() && PairPriority.compareDescending(validList.get(i).priority(),
                valid.priority()) <= 0) {
            i++;
        }
        validList.add(i, valid);
        if (!hasValid) {
            hasValid = true;
            firstValidAt = now;
        }
    }

    private void failCheck(Transaction tx) {
        failCheck(tx, false);
    }

    private void failCheck(Transaction tx, boolean timedOut) {
        CheckPair pair = tx.pair;
        if (tx.useCandidate) {
            if (tx.cancelled && timedOut) {
                return; // superseded by a newer nominating check
            }
            if (nominating == pair) {
                nominating = null;
            }
            // A nomination that timed out on a pair that worked is retried when the peer is still alive on it (loss
            // can eat all Rc attempts while the peer already selected the pair and sends checks); a silent peer (gone,
            // or rejecting our credentials, so its own checks never authenticate) fails the pair at once. After
            // MAX_NOMINATION_ROUNDS, or on an error, the pair is dropped and the next valid pair is nominated.
            if (!timedOut || !pair.peerHeardSinceNomination || ++pair.nominationRounds >= MAX_NOMINATION_ROUNDS) {
                validList.remove(pair);
                pair.state(CandidatePairState.FAILED);
            }
            return;
        }
        if (!tx.cancelled && pair.state() == CandidatePairState.IN_PROGRESS) {
            pair.state(CandidatePairState.FAILED);
        }
    }

    private void onConsentResponse(Transaction tx, TransportProtocol transport, InetSocketAddress local,
                                   InetSocketAddress source, boolean error, int code) {
        if (selected != tx.pair || !source.equals(tx.remote) || !local.equals(tx.local)
                || transport != tx.pair.transport()) {
            return;
        }
        if (error) {
            if (code == 403) {
                consentLost("consent revoked (403)"); // RFC 7675 §5.2
            }
            return;
        }
        consent.responseReceived(now);
        if (state == IceConnectionState.DISCONNECTED) {
            setState(IceConnectionState.CONNECTED);
        }
    }

    // ------------------------------------------------------------------ checks, nomination, consent

    private void sendCheck(CheckPair pair, boolean useCandidate) {
        if (pair.state() == CandidatePairState.IN_PROGRESS) {
            for (Transaction tx : transactions) {
                if (tx.pair == pair && !tx.consent) {
                    tx.cancelled = true;
                }
            }
        }
        // RFC 8445 §7.1.1: PRIORITY as for a peer-reflexive candidate with this local candidate's local preference.
        long priority = CandidatePriority.compute(CandidateType.PEER_REFLEXIVE.typePreference(),
                CandidatePriority.localPreference(pair.local().priority()), config.componentId());
        // RFC 8445 §14.3: RTO = MAX(500 ms, Ta * (Waiting + In-Progress)).
        long rto = Math.max(config.minRto().toNanos(), config.ta().toNanos()
                * (checklist.count(CandidatePairState.WAITING) + checklist.count(CandidatePairState.IN_PROGRESS)));
        rto = Math.min(rto, config.maxRto().toNanos());
        Transaction tx = newRequest(pair, priority, useCandidate, false, rto);
        if (pair.transport() == TransportProtocol.TCP) {
            // RFC 6544 §7.1: TCP delivers reliably, so no retransmissions; wait as long as UDP's last wait.
            tx.attempts = config.maxCheckAttempts();
            tx.deadline = now + Math.min(rto * config.lastWaitFactor(), config.maxRto().toNanos()
                    * config.lastWaitFactor());
        }
        if (!useCandidate) {
            pair.state(CandidatePairState.IN_PROGRESS);
        } else {
            pair.peerHeardSinceNomination = false;
        }
        checksSent++;
        checkSent = true;
        nextCheckAt = now + config.ta().toNanos();
        if (state == IceConnectionState.NEW) {
            setState(IceConnectionState.CHECKING);
        }
        send(pair.transport(), tx.local, tx.remote, tx.request.clone());
    }

    private Transaction newRequest(CheckPair pair, long priority, boolean useCandidate, boolean consent, long rto) {
        TransactionId id = TransactionId.random(random);
        // Consent on a pair of the previous generation keeps its credentials until the switch (RFC 8445 §9).
        SessionCredentials c = consent ? selectedCreds : creds;
        byte[] request = messages.request(id, c.checkUsername, priority, role, tieBreaker, useCandidate, c.remoteKey);
        Transaction tx = new Transaction(id, pair, pair.localBase(), pair.remoteAddress(), c.remoteKey, role,
                priority, useCandidate, consent, request, rto, now + rto);
        transactions.add(tx);
        return tx;
    }

    /** Retransmits checks (RFC 8489 §6.2.1: Rc sends, RTO doubling, then Rm × RTO) and times out transactions. */
    private void retransmit() {
        for (int i = 0; i < transactions.size(); i++) {
            Transaction tx = transactions.get(i);
            if (!due(tx.deadline)) {
                continue;
            }
            if (!tx.consent && !tx.cancelled && tx.attempts < config.maxCheckAttempts()) {
                tx.attempts++;
                retransmissions++;
                if (tx.attempts == config.maxCheckAttempts()) {
                    tx.deadline = now + Math.min(tx.initialRto * config.lastWaitFactor(), config.maxRto().toNanos()
                            * config.lastWaitFactor());
                } else {
                    tx.rto = Math.min(tx.rto * 2, config.maxRto().toNanos());
                    tx.deadline = now + tx.rto;
                }
                send(tx.pair.transport(), tx.local, tx.remote, tx.request.clone());
                continue;
            }
            transactions.remove(i--);
            if (!tx.consent) {
                failCheck(tx, true);
            }
        }
    }

    /** Controlling agent, regular nomination (RFC 8445 §8.1.1). */
    private void decideNomination() {
        if (!awaitingNomination()) {
            return;
        }
        CheckPair best = validList.get(0);
        boolean higherPending = false;
        for (CheckPair p : checklist.pairs()) {
            if (Long.compareUnsigned(p.priority(), best.priority()) <= 0) {
                break;
            }
            CandidatePairState s = p.state();
            if (s == CandidatePairState.WAITING || s == CandidatePairState.FROZEN
                    || s == CandidatePairState.IN_PROGRESS) {
                higherPending = true;
                break;
            }
        }
        if (!higherPending || due(firstValidAt + config.nominationDelay().toNanos())) {
            pendingNomination = best;
            if (!checkSent) {
                nextCheckAt = now;
            }
        }
    }

    private boolean awaitingNomination() {
        if (role != IceRole.CONTROLLING || !checking() || nominating != null || pendingNomination != null
                || validList.isEmpty()) {
            return false;
        }
        if (selected == null || restarting()) {
            return true;
        }
        // Renomination: a valid pair better than the selected one.
        CheckPair best = validList.get(0);
        return config.renomination() && best != selected && Long.compareUnsigned(best.priority(), selected.priority()) > 0;
    }

    /** Sets the nominated flag and selects the pair (RFC 8445 §8.1.1, controlled: highest nominated, §8.2). */
    private void nominate(CheckPair valid) {
        valid.nominated = true;
        if (selected == valid) {
            return;
        }
        // The highest nominated pair wins (RFC 8445 §8.1.1); a pair of a new generation (restart) always replaces the
        // old one, and a pair whose consent went silent may be replaced by any nominated pair.
        if (selected != null && !restarting() && state != IceConnectionState.DISCONNECTED
                && Long.compareUnsigned(selected.priority(), valid.priority()) >= 0) {
            return;
        }
        if (restarting()) {
            transactions.removeIf(tx -> tx.consent); // old generation's consent checks
        }
        selected = valid;
        selectedCreds = creds;
        remoteRenewed = false;
        consent.start(now);
        if (!config.renomination()) {
            // RFC 8445 §8.1.2: stop checking idle pairs, stop retransmitting lower-priority ones.
            checklist.stopIdlePairs();
        }
        pendingNomination = null;
        for (Transaction tx : transactions) {
            if (!tx.consent && Long.compareUnsigned(tx.pair.priority(), valid.priority()) < 0) {
                tx.cancelled = true;
            }
        }
        LOG.log(System.Logger.Level.DEBUG, "selected {0}", valid);
        events.add(new IceEvent.SelectedPair(valid.snapshot()));
        if (config.lite()) {
            setState(IceConnectionState.COMPLETED); // RFC 8445 §8.2: selected pairs for all components
        } else if (state != IceConnectionState.COMPLETED) {
            setState(IceConnectionState.CONNECTED);
        }
    }

    /** Consent freshness (RFC 7675) and keepalives (RFC 8445 §11) on the selected pair. */
    private void maintainSelected() {
        if (selected == null || !canSend()) {
            return;
        }
        if (config.consentFreshness()) {
            if (consent.expired(now)) {
                consentLost("consent expired");
                return;
            }
            if (state != IceConnectionState.DISCONNECTED && consent.silent(now)) {
                setState(IceConnectionState.DISCONNECTED);
            }
            if (consent.checkDue(now) && config.lite()) {
                consent.checkSent(now); // RFC 7675 §1: lite agents only answer; the peer's checks are the consent
            } else if (consent.checkDue(now)) {
                long priority = CandidatePriority.compute(CandidateType.PEER_REFLEXIVE.typePreference(),
                        CandidatePriority.localPreference(selected.local().priority()), config.componentId());
                // Sent once, never retransmitted (RFC 7675 §5.1).
                Transaction tx = newRequest(selected, priority, false, true, consent.responseWait());
                consentChecksSent++;
                consent.checkSent(now);
                send(selected.transport(), tx.local, tx.remote, tx.request.clone());
            }
        }
        if (consent.keepaliveDue(now)) {
            keepalivesSent++;
            send(selected.transport(), selected.localBase(), selected.remoteAddress(),
                    messages.indication(TransactionId.random(random)));
        }
    }

    private void consentLost(String why) {
        LOG.log(System.Logger.Level.DEBUG, why);
        // RFC 7675 §5.1: cease transmission, discard outstanding consent transactions.
        transactions.clear();
        setState(IceConnectionState.FAILED);
    }

    private void switchRole(IceRole newRole) {
        LOG.log(System.Logger.Level.DEBUG, "role {0} -> {1}", role, newRole);
        role = newRole;
        checklist.recomputePriorities(newRole);
        for (CheckPair v : validList) {
            v.recomputePriority(newRole);
        }
        validList.sort((a, b) -> PairPriority.compareDescending(a.priority(), b.priority()));
        pendingNomination = null;
        nominating = null;
    }

    /** CHECKING → COMPLETED / FAILED transitions (RFC 8445 §8.1.2, RFC 8838 §14). */
    private void updateState() {
        if (state == IceConnectionState.CLOSED || state == IceConnectionState.FAILED) {
            return;
        }
        if (selected != null) {
            if (state == IceConnectionState.CONNECTED && remoteEndOfCandidates && !checkInFlight()
                    && !checklist.hasWork() && !restarting()) {
                setState(IceConnectionState.COMPLETED);
            }
            return;
        }
        if (remoteEndOfCandidates && checklist.size() > 0 && validList.isEmpty() && !checklist.hasPending()
                && !checkInFlight() && pendingNomination == null && nominating == null) {
            setState(IceConnectionState.FAILED);
        }
    }

    private boolean checkInFlight() {
        for (Transaction tx : transactions) {
            if (!tx.consent && !tx.cancelled) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ helpers

    private void formPair(Candidate local, Candidate remote) {
        // RFC 8445 §6.1.2: only full agents form checklists. RFC 6544 §6.2: TCP pairs by tcptype, and pairs whose
        // local candidate is passive are pruned (it cannot open the connection).
        if (config.lite() || local.type() == CandidateType.PEER_REFLEXIVE || !local.canPairWith(remote)
                || local.tcpType().orElse(null) == TcpType.PASSIVE) {
            return;
        }
        Candidate base = local;
        if (local.type() == CandidateType.SERVER_REFLEXIVE) {
            // RFC 8445 §6.1.2.4: checks go from the base.
            base = localBaseCandidate(local.base(), local.transport());
            if (base == null) {
                base = local;
            }
        }
        checklist.add(local, base, remote, role);
    }

    private static boolean sameFamily(InetSocketAddress a, InetSocketAddress b) {
        return (a.getAddress() instanceof Inet4Address) == (b.getAddress() instanceof Inet4Address);
    }

    /** The host or relayed candidate whose base is {@code address} (where a datagram arrived). */
    private Candidate localBaseCandidate(InetSocketAddress address, TransportProtocol transport) {
        for (Candidate c : localCandidates) {
            if ((c.type() == CandidateType.HOST || c.type() == CandidateType.RELAYED) && c.transport() == transport
                    && c.address().equals(address)) {
                return c;
            }
        }
        return null;
    }

    /** A server-reflexive or relayed candidate sending from {@code base}, when the host one is not known (yet). */
    private Candidate candidateWithBase(InetSocketAddress base, TransportProtocol transport) {
        for (Candidate c : localCandidates) {
            if (c.type() != CandidateType.PEER_REFLEXIVE && c.transport() == transport && c.base().equals(base)) {
                return c;
            }
        }
        return null;
    }

    /** RFC 8445 §7.2.5.3.2: the local candidate whose address is the mapped address (same base). */
    private Candidate findLocalByAddress(InetSocketAddress mapped, InetSocketAddress base,
                                         TransportProtocol transport) {
        Candidate any = null;
        for (Candidate c : localCandidates) {
            if (c.transport() == transport && c.address().equals(mapped)) {
                if (c.base().equals(base)) {
                    return c;
                }
                any = any == null ? c : any;
            }
        }
        return any != null && any.type() != CandidateType.PEER_REFLEXIVE ? any : null;
    }

    private Candidate findRemote(InetSocketAddress address, TransportProtocol transport) {
        for (Candidate c : remoteCandidates) {
            if (c.transport() == transport && c.address().equals(address)) {
                return c;
            }
        }
        return null;
    }

    private CheckPair findValid(Candidate local, InetSocketAddress remote) {
        for (CheckPair v : validList) {
            if (v.local() == local && v.remoteAddress().equals(remote)) {
                return v;
            }
        }
        for (CheckPair p : checklist.pairs()) {
            if (p.local() == local && p.remoteAddress().equals(remote)) {
                return p;
            }
        }
        return null;
    }

    private void send(TransportProtocol transport, InetSocketAddress local, InetSocketAddress remote, byte[] data) {
        if (selected != null && selected.sameFiveTuple(local, remote, transport)) {
            consent.sent(now);
        }
        transmits.addLast(new Transmit(local, remote, data, transport));
    }

    private void setState(IceConnectionState s) {
        if (state != s) {
            LOG.log(System.Logger.Level.DEBUG, "state {0} -> {1}", state, s);
            state = s;
            events.add(new IceEvent.StateChanged(s));
        }
    }

    private void advance(long nowNanos) {
        now = nowNanos;
    }

    private boolean due(long deadline) {
        return deadline - now <= 0;
    }

    private static long earlier(long a, long b) {
        return b - a < 0 ? b : a;
    }

    /** True when the last 8 bytes are a FINGERPRINT attribute (the likely reason a STUN-looking wrap failed). */
    private static boolean fingerprintMismatch(byte[] buf, int off, int len) {
        if (len < StunView.HEADER_LENGTH + 8) {
            return false;
        }
        int p = off + len - 8;
        return ((buf[p] & 0xff) << 8 | (buf[p + 1] & 0xff)) == StunAttributeType.FINGERPRINT
                && buf[p + 2] == 0 && buf[p + 3] == 4;
    }
}
