package org.jwebrtc.signaling.kvs.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jwebrtc.signaling.kvs.MessageType;
import org.jwebrtc.signaling.kvs.OutboundFrame;
import org.jwebrtc.signaling.kvs.SignalingException;

/**
 * One connected master or viewer after the upgrade: parses its frames, hands them to the router, answers pings,
 * closes on idle (10 min) and sends GO_AWAY at the maximum duration (1 h) then closes after the grace period.
 */
final class WebSocketSession extends SimpleChannelInboundHandler<WebSocketFrame> {
    private static final System.Logger LOG = System.getLogger(WebSocketSession.class.getName());
    private final LocalKvsServer server;
    private final SignalingConnection conn;
    private final WebSocketServerHandshaker handshaker;
    private ScheduledFuture<?> durationLimit;

    WebSocketSession(LocalKvsServer server, SignalingConnection conn, WebSocketServerHandshaker handshaker) {
        this.server = server;
        this.conn = conn;
        this.handshaker = handshaker;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        long max = server.config.maxConnectionDuration().toMillis();
        durationLimit = ctx.executor().schedule(() -> {
            server.router.notify(conn.channelArn, conn.clientId.isEmpty() ? Optional.empty() : conn.clientId,
                    MessageType.GO_AWAY);
            ctx.executor().schedule(() -> conn.close(1000, "maximum connection duration reached"),
                    server.config.goAwayGrace().toMillis(), TimeUnit.MILLISECONDS);
        }, max, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (frame instanceof TextWebSocketFrame text) {
            try {
                OutboundFrame f = OutboundFrame.parse(text.text());
                server.router.route(conn, f, encodedPayloadLength(f));
            } catch (SignalingException e) {
                LOG.log(System.Logger.Level.DEBUG, () -> conn + " sent a bad frame: " + e.getMessage());
            }
        } else if (frame instanceof PingWebSocketFrame) {
            ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
        } else if (frame instanceof CloseWebSocketFrame) {
            handshaker.close(ctx.channel(), (CloseWebSocketFrame) frame.retain());
        }
    }

    /** Characters of the base64 messagePayload, which is what the 10 KB limit is about. */
    private static int encodedPayloadLength(OutboundFrame f) {
        int bytes = f.payloadJson().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        return 4 * ((bytes + 2) / 3);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            conn.close(1000, "idle timeout");
        } else {
            super.userEventTriggered(ctx, evt);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (durationLimit != null) {
            durationLimit.cancel(false);
        }
        server.router.remove(conn);
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(System.Logger.Level.DEBUG, () -> conn + " failed: " + cause);
        ctx.close();
    }
}
