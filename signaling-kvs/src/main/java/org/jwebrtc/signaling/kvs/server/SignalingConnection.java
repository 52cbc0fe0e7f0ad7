package org.jwebrtc.signaling.kvs.server;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.Optional;

/** One WebSocket of a master or a viewer. Rate counters are touched only on its channel's event loop. */
final class SignalingConnection {
    final Channel channel;
    final String channelArn;
    /** Absent for the master. */
    final Optional<String> clientId;
    private long windowStartMillis;
    private int sdpInWindow;
    private int iceInWindow;

    SignalingConnection(Channel channel, String channelArn, Optional<String> clientId) {
        this.channel = channel;
        this.channelArn = channelArn;
        this.clientId = clientId;
    }

    boolean isMaster() {
        return clientId.isEmpty();
    }

    /** Per-connection TPS (PROTOCOL.md §7): SDP 5/s, ICE_CANDIDATE 20/s by default, over a one-second window. */
    boolean admit(boolean sdp, long nowMillis, int sdpLimit, int iceLimit) {
        if (nowMillis - windowStartMillis >= 1000) {
            windowStartMillis = nowMillis;
            sdpInWindow = 0;
            iceInWindow = 0;
        }
        return sdp ? ++sdpInWindow <= sdpLimit : ++iceInWindow <= iceLimit;
    }

    void send(String json) {
        if (channel.isActive()) {
            channel.writeAndFlush(new TextWebSocketFrame(json));
        }
    }

    void close(int code, String reason) {
        if (channel.isActive()) {
            channel.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(f -> channel.close());
        }
    }

    @Override
    public String toString() {
        return clientId.map(id -> "viewer " + id).orElse("master") + " of " + channelArn;
    }
}
