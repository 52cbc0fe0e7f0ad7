package org.jwebrtc.turn;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.jwebrtc.turn.internal.LoopTimer;

/**
 * Embedded TURN server on Netty: the I/O edge around {@link TurnServerCore}. Listens on UDP and
 * TCP (same port number) and optionally TLS; each allocation's relay is a UDP socket on
 * {@link TurnServerConfig#relayAddress()}. Everything (listeners, TCP connections, relay sockets,
 * the core, its timer) runs on one event loop, so nothing is locked.
 */
public final class TurnServer implements AutoCloseable {
    private static final int MAX_DATAGRAM = 65536;

    private final EventLoopGroup group;
    private final EventLoop loop;
    private final TurnServerCore core;
    private final Map<InetSocketAddress, Channel> relayChannels = new HashMap<>();
    private final Map<TurnTransport, Map<InetSocketAddress, Channel>> streams = new EnumMap<>(TurnTransport.class);
    private final byte[] in = new byte[MAX_DATAGRAM];
    private final byte[] out = new byte[MAX_DATAGRAM + TurnServerCore.MAX_CLIENT_OVERHEAD];
    private final LoopTimer timer;
    private Channel udp;
    private Channel tcp;
    private Channel tls;

    private TurnServer(TurnServerConfig config) {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        loop = group.next();
        core = new TurnServerCore(config, new Relays(config), new SecureRandom());
        timer = new LoopTimer(loop, this::onTimer);
        for (TurnTransport t : TurnTransport.values()) {
            streams.put(t, new HashMap<>());
        }
    }

    /** UDP and TCP on {@code listen} (port 0: a free port, the same number for both). */
    public static TurnServer start(TurnServerConfig config, InetSocketAddress listen) {
        return start(config, listen, null, null);
    }

    /** As above, plus TLS (RFC 8656 §3.1) on {@code tlsListen} with the server-side {@code tlsContext}. */
    public static TurnServer start(TurnServerConfig config, InetSocketAddress listen, InetSocketAddress tlsListen,
                                   SSLContext tlsContext) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(listen, "listen");
        TurnServer s = new TurnServer(config);
        try {
            s.bind(listen, tlsListen, tlsContext);
            return s;
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private void bind(InetSocketAddress listen, InetSocketAddress tlsListen, SSLContext tlsContext) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < (listen.getPort() == 0 ? 10 : 1); attempt++) {
            udp = new Bootstrap().group(loop).channel(NioDatagramChannel.class).handler(new ClientDatagrams())
                    .bind(listen).syncUninterruptibly().channel();
            int port = ((InetSocketAddress) udp.localAddress()).getPort();
            try {
                tcp = streamListener(TurnTransport.TCP, null)
                        .bind(new InetSocketAddress(listen.getAddress(), port)).syncUninterruptibly().channel();
                last = null;
                break;
            } catch (RuntimeException e) { // the TCP port of that number is taken: try another pair
                last = e;
                udp.close().syncUninterruptibly();
            }
        }
        if (last != null) {
            throw last;
        }
        if (tlsContext != null) {
            tls = streamListener(TurnTransport.TLS, tlsContext)
                    .bind(Objects.requireNonNull(tlsListen, "tlsListen")).syncUninterruptibly().channel();
        }
    }

    private ServerBootstrap streamListener(TurnTransport transport, SSLContext tlsContext) {
        return new ServerBootstrap().group(loop, loop).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (tlsContext != null) {
                            SSLEngine engine = tlsContext.createSSLEngine();
                            engine.setUseClientMode(false);
                            ch.pipeline().addLast(new SslHandler(engine));
                        }
                        ch.pipeline().addLast(new ClientStream(transport));
                    }
                });
    }

    public InetSocketAddress udpAddress() {
        return (InetSocketAddress) udp.localAddress();
    }

    public InetSocketAddress tcpAddress() {
        return (InetSocketAddress) tcp.localAddress();
    }

    public Optional<InetSocketAddress> tlsAddress() {
        return Optional.ofNullable(tls).map(c -> (InetSocketAddress) c.localAddress());
    }

    /** Counters, read on the loop. */
    public TurnServerStats stats() {
        try {
            return loop.submit(core::stats).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    // ---------------------------------------------------------------- loop-confined below

    private void afterInput() {
        ServerTransmit t;
        while ((t = core.pollTransmit()) != null) {
            sendToClient(t.transport(), t.client(), t.data(), 0, t.data().length);
        }
        timer.arm(core.pollTimeout());
    }

    private void onTimer() {
        core.handleTimeout(System.nanoTime());
        afterInput();
    }

    private void sendToClient(TurnTransport transport, InetSocketAddress client, byte[] b, int off, int len) {
        if (transport == TurnTransport.UDP) {
            udp.writeAndFlush(new DatagramPacket(udp.alloc().directBuffer(len).writeBytes(b, off, len), client));
            return;
        }
        Channel ch = streams.get(transport).get(client);
        if (ch != null) {
            ch.writeAndFlush(ch.alloc().directBuffer(len).writeBytes(b, off, len));
        }
    }

    private void relayToPeer(int result, byte[] buf) {
        if (result != TurnServerCore.RELAY) {
            return;
        }
        Channel relay = relayChannels.get(core.relaySource());
        if (relay != null && relay.isRegistered()) {
            int len = core.relayLength();
            relay.writeAndFlush(new DatagramPacket(relay.alloc().directBuffer(len).writeBytes(buf, core.relayOffset(), len),
                    core.relayDestination()));
        }
    }

    private static int copy(ByteBuf content, byte[] dst) {
        int len = Math.min(content.readableBytes(), dst.length);
        content.getBytes(content.readerIndex(), dst, 0, len);
        return len;
    }

    /** Datagrams from clients on the UDP listener. */
    private final class ClientDatagrams extends SimpleChannelInboundHandler<DatagramPacket> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket p) {
            int len = copy(p.content(), in);
            int r = core.handleClientInput(System.nanoTime(), TurnTransport.UDP, p.sender(), in, 0, len);
            if (r == TurnServerCore.RELAY) {
                relayToPeer(r, in); // data changes no deadline: skip the O(allocations) pollTimeout scan
            } else if (r == TurnServerCore.HANDLED) {
                afterInput();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // ICMP errors surfaced on the socket must not close the listener
        }
    }

    /** One TCP or TLS client connection: a StreamFramer in front of the core. */
    private final class ClientStream extends ChannelInboundHandlerAdapter {
        private final TurnTransport transport;
        private final StreamFramer framer = new StreamFramer();
        private InetSocketAddress remote;

        ClientStream(TurnTransport transport) {
            this.transport = transport;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            remote = (InetSocketAddress) ctx.channel().remoteAddress();
            streams.get(transport).put(remote, ctx.channel());
            ctx.fireChannelActive();
        }

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
            boolean control = false;
            try {
                while (framer.next()) {
                    int r = core.handleClientInput(System.nanoTime(), transport, remote, framer.buffer(),
                            framer.frameOffset(), framer.frameLength());
                    relayToPeer(r, framer.buffer());
                    control |= r == TurnServerCore.HANDLED;
                }
            } catch (TurnException e) {
                ctx.close(); // no way to resynchronise a corrupt stream
            }
            if (control) {
                afterInput();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (remote != null) {
                streams.get(transport).remove(remote, ctx.channel());
                core.connectionClosed(transport, remote);
                afterInput();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    /** Datagrams from peers on one relay socket. */
    private final class PeerDatagrams extends SimpleChannelInboundHandler<DatagramPacket> {
        private final InetSocketAddress relay;

        PeerDatagrams(InetSocketAddress relay) {
            this.relay = relay;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket p) {
            int len = copy(p.content(), in);
            int n = core.handlePeerInput(System.nanoTime(), relay, p.sender(), in, 0, len, out, 0);
            if (n > 0) {
                sendToClient(core.clientTransport(), core.clientAddress(), out, 0, n);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // ICMP port unreachable from a gone peer must not close the relay
        }
    }

    /** Binds relay sockets synchronously (a plain JDK bind), then registers them on the loop. */
    private final class Relays implements RelayAllocator {
        private final TurnServerConfig config;

        Relays(TurnServerConfig config) {
            this.config = config;
        }

        @Override
        public InetSocketAddress allocate(TurnTransport clientTransport, InetSocketAddress client, boolean evenPort) {
            try {
                java.nio.channels.DatagramChannel jdk = null;
                for (int i = 0; i < 64 && jdk == null; i++) { // EVEN-PORT: the OS picks, we keep an even one
                    jdk = java.nio.channels.DatagramChannel.open(config.relayAddress() instanceof Inet4Address
                            ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6);
                    jdk.bind(new InetSocketAddress(config.relayAddress(), 0));
                    if (evenPort && (((InetSocketAddress) jdk.getLocalAddress()).getPort() & 1) != 0) {
                        jdk.close();
                        jdk = null;
                    }
                }
                if (jdk == null) {
                    return null;
                }
                InetSocketAddress addr = (InetSocketAddress) jdk.getLocalAddress();
                NioDatagramChannel ch = new NioDatagramChannel(jdk);
                ch.pipeline().addLast(new PeerDatagrams(addr));
                loop.register(ch);
                relayChannels.put(addr, ch);
                return addr;
            } catch (IOException e) {
                return null; // 508 Insufficient Capacity
            }
        }

        @Override
        public void release(InetSocketAddress relay) {
            Channel ch = relayChannels.remove(relay);
            if (ch != null) {
                ch.close();
            }
        }
    }
}
