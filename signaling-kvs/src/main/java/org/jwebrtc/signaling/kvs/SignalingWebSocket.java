package org.jwebrtc.signaling.kvs;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLException;

/**
 * One KVS signaling WebSocket (Netty). Opens the presigned URL, reports a refused upgrade with its HTTP status,
 * body and Date header (for clock-skew correction), parses delivered frames and sends {@link OutboundFrame}s.
 * Not reconnecting: {@link KvsSignalingSession} does that.
 */
public final class SignalingWebSocket implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SignalingWebSocket.class.getName());
    private final Channel channel;
    private final CompletableFuture<SignalingWebSocket> opened = new CompletableFuture<>();

    /** A refused upgrade: the HTTP status, the AWS error text and the server's clock. */
    public static final class UpgradeRefused extends SignalingException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final transient Optional<Instant> serverDate;

        UpgradeRefused(int status, String body, Optional<Instant> serverDate) {
            super("signaling upgrade refused with HTTP " + status + ": " + body);
            this.status = status;
            this.serverDate = serverDate;
        }

        public int status() {
            return status;
        }

        public Optional<Instant> serverDate() {
            return serverDate;
        }

        /** The service's signature-time complaints (PROTOCOL.md §8): retry with a corrected clock. */
        public boolean isClockSkew() {
            return status == 403 && (getMessage().contains("Signature expired")
                    || getMessage().contains("Signature not yet current"));
        }
    }

    private SignalingWebSocket(URI url, EventLoopGroup group, SignalingListener listener) throws SSLException {
        boolean tls = "wss".equals(url.getScheme());
        int port = url.getPort() != -1 ? url.getPort() : tls ? 443 : 80;
        SslContext ssl = tls ? SslContextBuilder.forClient().build() : null;
        WebSocketClientHandshaker handshaker = WebSocketClientHandshakerFactory.newHandshaker(
                url, WebSocketVersion.V13, null, false, new DefaultHttpHeaders(), 1 << 20);
        Handler handler = new Handler(handshaker, listener);
        channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (ssl != null) {
                            ch.pipeline().addLast(ssl.newHandler(ch.alloc(), url.getHost(), port));
                        }
                        ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 20), handler);
                    }
                }).connect(url.getHost(), port).addListener(f -> {
                    if (!f.isSuccess()) {
                        SignalingException e = new SignalingException("cannot connect to " + url.getHost() + ":" + port,
                                f.cause());
                        opened.completeExceptionally(e);
                        listener.onError(e);
                    }
                }).channel();
    }

    /** Connects; the future completes after the 101 upgrade, or fails with {@link UpgradeRefused}. */
    public static CompletableFuture<SignalingWebSocket> open(URI presignedUrl, EventLoopGroup group,
                                                             SignalingListener listener) {
        try {
            return new SignalingWebSocket(presignedUrl, group, listener).opened;
        } catch (SSLException e) {
            return CompletableFuture.failedFuture(new SignalingException("TLS setup failed", e));
        }
    }

    public void send(OutboundFrame frame) {
        channel.writeAndFlush(new TextWebSocketFrame(frame.toJson()));
    }

    /** A WebSocket ping; the service's idle timer (10 min) counts it as traffic. */
    public void ping() {
        channel.writeAndFlush(new PingWebSocketFrame());
    }

    public boolean isOpen() {
        return channel.isActive() && opened.isDone() && !opened.isCompletedExceptionally();
    }

    @Override
    public void close() {
        if (channel.isActive()) {
            channel.writeAndFlush(new CloseWebSocketFrame(1000, "bye")).addListener(f -> channel.close());
        }
    }

    private final class Handler extends SimpleChannelInboundHandler<Object> {
        private final WebSocketClientHandshaker handshaker;
        private final SignalingListener listener;
        private int closeCode = 1006;
        private String closeReason = "connection lost";

        Handler(WebSocketClientHandshaker handshaker, SignalingListener listener) {
            this.handshaker = handshaker;
            this.listener = listener;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            handshaker.handshake(ctx.channel());
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
            if (!handshaker.isHandshakeComplete()) {
                FullHttpResponse res = (FullHttpResponse) msg;
                if (res.status().code() != 101) {
                    UpgradeRefused e = new UpgradeRefused(res.status().code(),
                            res.content().toString(StandardCharsets.UTF_8), parseDate(res.headers().get(HttpHeaderNames.DATE)));
                    opened.completeExceptionally(e);
                    listener.onError(e);
                    ctx.close();
                    return;
                }
                handshaker.finishHandshake(ctx.channel(), res);
                opened.complete(SignalingWebSocket.this);
                listener.onOpen();
                return;
            }
            if (msg instanceof TextWebSocketFrame text) {
                try {
                    InboundMessage m = InboundMessage.parse(text.text());
                    if (m.type() != MessageType.UNKNOWN) {
                        listener.onMessage(m);
                    }
                } catch (SignalingException e) {
                    LOG.log(System.Logger.Level.DEBUG, () -> "dropped a bad signaling frame: " + e.getMessage());
                }
            } else if (msg instanceof PingWebSocketFrame ping) {
                ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
            } else if (msg instanceof CloseWebSocketFrame close) {
                closeCode = close.statusCode();
                closeReason = close.reasonText();
                ctx.close();
            } else if (!(msg instanceof WebSocketFrame)) {
                LOG.log(System.Logger.Level.DEBUG, () -> "unexpected " + msg);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (!opened.isDone()) {
                SignalingException e = new SignalingException("connection closed during the upgrade");
                opened.completeExceptionally(e);
                listener.onError(e);
            } else if (!opened.isCompletedExceptionally()) {
                listener.onClose(closeCode, closeReason);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.log(System.Logger.Level.DEBUG, () -> "signaling socket failed: " + cause);
            ctx.close();
        }
    }

    private static Optional<Instant> parseDate(String date) {
        if (date == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
