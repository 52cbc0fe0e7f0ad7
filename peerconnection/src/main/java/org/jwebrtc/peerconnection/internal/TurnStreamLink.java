package org.jwebrtc.peerconnection.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.jwebrtc.turn.StreamFramer;
import org.jwebrtc.turn.TurnException;

/**
 * The TCP or TLS connection of one TURN allocation (RFC 8656 §3.1) on the peer connection's event loop: STUN and
 * ChannelData messages back to back (§12.5, split by the turn module's {@link StreamFramer}). Messages written
 * before the connection (and the TLS handshake) is up wait here; a failed connect, a failed handshake, a framing
 * error or the server closing all end in {@link TurnRelay#onLinkClosed}. TLS checks the server certificate against
 * the given {@link SSLContext}'s trust and the URL's host name (RFC 6125 via the JDK's HTTPS endpoint check).
 * Loop-confined: every method runs on {@code loop}.
 */
public final class TurnStreamLink implements TurnRelay.ServerLink {
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final int MAX_WAITING = 256;
    /** Above this many unsent bytes, peer data is dropped as a congested UDP path would (SCTP/ICE recover). */
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(256 * 1024, 1024 * 1024);

    private final TurnRelay relay;
    private final Channel channel;
    private final ArrayDeque<byte[]> waiting = new ArrayDeque<>();
    private final StreamFramer framer = new StreamFramer();
    private final byte[] in = new byte[16 * 1024];
    private boolean up;
    private boolean closed;
    private boolean flushScheduled;
    private long dropped;

    private TurnStreamLink(EventLoop loop, InetAddress localIp, InetSocketAddress server, SSLContext tls,
                           TurnRelay relay) {
        this.relay = relay;
        ChannelFuture registered = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (tls != null) {
                            SSLEngine engine = tls.createSSLEngine(server.getHostString(), server.getPort());
                            engine.setUseClientMode(true);
                            SSLParameters params = engine.getSSLParameters();
                            params.setEndpointIdentificationAlgorithm("HTTPS");
                            engine.setSSLParameters(params);
                            SslHandler ssl = new SslHandler(engine);
                            ssl.handshakeFuture().addListener(f -> connected(f));
                            ch.pipeline().addLast(ssl);
                        }
                        ch.pipeline().addLast(new Reader());
                    }
                })
                .register();
        // the channel is known before any listener can run (a loopback connect may complete inline)
        this.channel = registered.channel();
        registered.addListener(r -> {
            if (!r.isSuccess()) {
                connected(r);
                return;
            }
            channel.connect(server, new InetSocketAddress(localIp, 0)).addListener(f -> {
                if (tls == null || !f.isSuccess()) {
                    connected(f);   // TLS: up once the handshake is done
                }
            });
        });
    }

    /** An opener for {@link TurnRelay}: connects from {@code localIp}; {@code tls} null for plain TCP. */
    public static TurnRelay.LinkOpener opener(EventLoop loop, InetAddress localIp, InetSocketAddress server,
                                              SSLContext tls) {
        return relay -> new TurnStreamLink(loop, localIp, server, tls, relay);
    }

    private void connected(Future<?> f) {
        if (closed) {
            return;
        }
        if (!f.isSuccess()) {
            lost();
            return;
        }
        up = true;
        for (byte[] m; (m = waiting.poll()) != null; ) {
            channel.write(Unpooled.wrappedBuffer(m));
        }
        channel.flush();
    }

    @Override
    public void write(byte[] message, boolean droppable) {
        if (closed) {
            return;
        }
        if (!up) {
            if (waiting.size() < MAX_WAITING || !droppable) {
                waiting.add(message);
            } else {
                dropped++;
            }
            return;
        }
        if (droppable && !channel.isWritable()) {
            dropped++;
            return;
        }
        channel.write(Unpooled.wrappedBuffer(message));
        if (!flushScheduled) {
            // one flush for everything this loop task writes (DESIGN.md §2: flush once per batch)
            flushScheduled = true;
            channel.eventLoop().execute(() -> {
                flushScheduled = false;
                channel.flush();
            });
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            waiting.clear();
            channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** Peer data dropped because the connection was not up yet or was congested. */
    public long dropped() {
        return dropped;
    }

    private void lost() {
        if (!closed) {
            closed = true;
            waiting.clear();
            channel.close();
            relay.onLinkClosed(System.nanoTime());
        }
    }

    /** Bytes in: copied out and released at once (DESIGN.md §2), framed, handed to the relay. */
    private final class Reader extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                ByteBuf b = (ByteBuf) msg;
                while (b.isReadable()) {
                    int n = Math.min(b.readableBytes(), in.length);
                    b.readBytes(in, 0, n);
                    framer.feed(in, 0, n);
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
            if (closed) {
                return;
            }
            long now = System.nanoTime();
            try {
                while (framer.next()) {
                    relay.onStreamFrame(now, framer.buffer(), framer.frameOffset(), framer.frameLength());
                }
            } catch (TurnException e) {
                lost();   // no resynchronisation point in the stream (RFC 8656 §12.5)
                return;
            }
            relay.onStreamRead(now);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            lost();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            lost();
        }
    }
}
