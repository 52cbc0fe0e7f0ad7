package org.jwebrtc.signaling.kvs.server;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jwebrtc.signaling.kvs.InboundMessage;
import org.jwebrtc.signaling.kvs.MessageType;
import org.jwebrtc.signaling.kvs.OutboundFrame;
import org.jwebrtc.signaling.kvs.StatusResponse;

/**
 * Who is connected to which channel and where frames go (PROTOCOL.md §6): a viewer's frame goes to the master
 * with {@code senderClientId} stamped; a master's frame goes to {@code viewers[recipientClientId]}. One master
 * (the newest wins), up to {@code maxViewers} viewers (the newest connection of a client id wins), connect TPS per
 * channel. Delivery failures are reported only when the frame had a correlationId.
 */
final class SignalingRouter {
    private final LocalKvsConfig config;
    private final Map<String, Sessions> byChannel = new HashMap<>();
    /** SendAlexaOfferToMaster calls waiting for the master's answer, by channel ARN + sender id. */
    private final Map<String, CompletableFuture<String>> alexaWaiting = new HashMap<>();

    private static final class Sessions {
        SignalingConnection master;
        final Map<String, SignalingConnection> viewers = new LinkedHashMap<>();
        final Deque<Long> connectTimes = new ArrayDeque<>();
    }

    SignalingRouter(LocalKvsConfig config) {
        this.config = config;
    }

    /** Admits a new connection or refuses it with the error the upgrade should carry. */
    private final java.util.concurrent.atomic.LongAdder oversizedPayloads = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder rateLimitedFrames = new java.util.concurrent.atomic.LongAdder();
    private long secondMasters;       // guarded by this
    private long viewerLimit;         // guarded by this
    private long connectRateLimited;  // guarded by this

    synchronized SignalingRefusals refusals() {
        return new SignalingRefusals(oversizedPayloads.sum(), rateLimitedFrames.sum(), secondMasters, viewerLimit,
                connectRateLimited);
    }

    synchronized void admit(SignalingConnection c) throws KvsError {
        Sessions s = byChannel.computeIfAbsent(c.channelArn, k -> new Sessions());
        long now = config.clock().millis();
        while (!s.connectTimes.isEmpty() && now - s.connectTimes.peekFirst() >= 1000) {
            s.connectTimes.pollFirst();
        }
        if (s.connectTimes.size() >= config.connectsPerSecondPerChannel()) {
            connectRateLimited++;
            throw KvsError.limit("Too many connection attempts on this channel; retry later");
        }
        if (c.isMaster()) {
            if (s.master != null && s.master.channel.isActive() && !config.replaceMaster()) {
                secondMasters++;
                throw KvsError.limit("A master is already connected to this channel");
            }
            s.connectTimes.addLast(now);
            SignalingConnection old = s.master;
            s.master = c;
            if (old != null) {
                old.close(1000, "replaced by a newer master connection");
            }
            return;
        }
        String id = c.clientId.orElseThrow();
        if (!s.viewers.containsKey(id) && s.viewers.size() >= config.maxViewers()) {
            viewerLimit++;
            throw KvsError.limit("The channel already has " + config.maxViewers() + " viewers");
        }
        s.connectTimes.addLast(now);
        SignalingConnection old = s.viewers.put(id, c);
        if (old != null) {
            old.close(1000, "replaced by a newer connection with the same client id");
        }
    }

    synchronized void remove(SignalingConnection c) {
        Sessions s = byChannel.get(c.channelArn);
        if (s == null) {
            return;
        }
        if (s.master == c) {
            s.master = null;
        } else {
            c.clientId.ifPresent(id -> s.viewers.remove(id, c));
        }
    }

    /** Routes one frame from {@code from}. Called on {@code from}'s event loop. */
    void route(SignalingConnection from, OutboundFrame frame, int rawPayloadChars) {
        Optional<String> corr = frame.correlationId();
        if (rawPayloadChars > config.maxPayloadChars()) {
            oversizedPayloads.increment();
            fail(from, corr, 400, "InvalidArgumentException",
                    "messagePayload exceeds " + config.maxPayloadChars() + " characters");
            return;
        }
        boolean sdp = frame.action() != MessageType.ICE_CANDIDATE;
        if (!from.admit(sdp, config.clock().millis(), config.sdpPerSecondPerConnection(),
                config.icePerSecondPerConnection())) {
            rateLimitedFrames.increment();
            fail(from, corr, 400, "ClientLimitExceededException", "Rate exceeded for " + frame.action());
            return;
        }
        SignalingConnection to;
        InboundMessage out;
        synchronized (this) {
            Sessions s = byChannel.get(from.channelArn);
            if (from.isMaster()) {
                Optional<String> recipient = frame.recipientClientId();
                if (recipient.isEmpty()) {
                    fail(from, corr, 400, "InvalidArgumentException", "recipientClientId is required");
                    return;
                }
                if (frame.action() == MessageType.SDP_ANSWER) {
                    CompletableFuture<String> alexa = alexaWaiting.remove(from.channelArn + "\n" + recipient.get());
                    if (alexa != null) {
                        alexa.complete(frame.payloadJson());
                        return;
                    }
                }
                to = s == null ? null : s.viewers.get(recipient.get());
                out = new InboundMessage(frame.action(), Optional.empty(), Optional.of(frame.payloadJson()),
                        Optional.empty());
            } else {
                to = s == null ? null : s.master;
                out = new InboundMessage(frame.action(), from.clientId, Optional.of(frame.payloadJson()),
                        Optional.empty());
            }
        }
        if (to == null) {
            fail(from, corr, 400, "InvalidArgumentException", "The recipient is not connected");
            return;
        }
        to.send(out.toJson());
    }

    /** STATUS_RESPONSE only for frames that carried a correlationId (PROTOCOL.md §5). */
    private static void fail(SignalingConnection from, Optional<String> corr, int status, String type, String text) {
        if (corr.isEmpty()) {
            return;
        }
        from.send(new InboundMessage(MessageType.STATUS_RESPONSE, Optional.empty(), Optional.empty(),
                Optional.of(new StatusResponse(corr, Optional.of(type), status, Optional.of(text)))).toJson());
    }

    /** SendAlexaOfferToMaster: deliver the offer to the master and complete with its answer's JSON text. */
    synchronized CompletableFuture<String> offerFromAlexa(String channelArn, String senderId, String offerJson)
            throws KvsError {
        Sessions s = byChannel.get(channelArn);
        if (s == null || s.master == null) {
            throw KvsError.notFound("No master is connected to the channel");
        }
        CompletableFuture<String> answer = new CompletableFuture<>();
        alexaWaiting.put(channelArn + "\n" + senderId, answer);
        s.master.send(new InboundMessage(MessageType.SDP_OFFER, Optional.of(senderId), Optional.of(offerJson),
                Optional.empty()).toJson());
        return answer;
    }

    synchronized void cancelAlexa(String channelArn, String senderId) {
        alexaWaiting.remove(channelArn + "\n" + senderId);
    }

    /** Sends a payload-less control message (GO_AWAY, RECONNECT_ICE_SERVER) to matching connections. */
    synchronized List<SignalingConnection> notify(String channelArn, Optional<String> clientId, MessageType type) {
        List<SignalingConnection> targets = new ArrayList<>();
        Sessions s = byChannel.get(channelArn);
        if (s == null) {
            return targets;
        }
        if (clientId.isEmpty() && s.master != null) {
            targets.add(s.master);
        }
        clientId.map(s.viewers::get).ifPresent(targets::add);
        if (clientId.isPresent() && clientId.get().equals("*")) {
            targets.addAll(s.viewers.values());
        }
        InboundMessage m = new InboundMessage(type, Optional.empty(), Optional.empty(), Optional.empty());
        targets.forEach(t -> t.send(m.toJson()));
        return targets;
    }

    synchronized int viewerCount(String channelArn) {
        Sessions s = byChannel.get(channelArn);
        return s == null ? 0 : s.viewers.size();
    }

    synchronized boolean masterConnected(String channelArn) {
        Sessions s = byChannel.get(channelArn);
        return s != null && s.master != null;
    }
}
