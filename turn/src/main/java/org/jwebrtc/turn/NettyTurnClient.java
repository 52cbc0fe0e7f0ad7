package org.jwebrtc.turn;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.jwebrtc.turn.internal.LoopTimer;

/**
 * A {@link TurnClient} on Netty over UDP, TCP or TLS (RFC 8656 §3.1; stream framing per §12.5 via
 * {@link StreamFramer}). Owns one event loop; every method may be called from any thread and is
 * handed to the loop. The data handler runs on the loop and must not block.
 */
public final class NettyTurnClient implements AutoCloseable {
    private static final int MAX_DATAGRAM = 65536;

    private final EventLoopGroup group;
    private final EventLoop loop;
    private final TurnClient client;
    private final LoopTimer timer;
    private final Channel channel;
    private final byte[] in = new byte[MAX_DATAGRAM];
    private final StreamFramer framer = new StreamFramer();
    private final CompletableFuture<TurnEvent.Allocated> allocated = new CompletableFuture<>();
    private final CompletableFuture<Void> deallocated = new CompletableFuture<>();
    private final Map<List<InetAddress>, List<CompletableFuture<Void>>> permissionWaiters = new HashMap<>();
    private final Map<InetSocketAddress, List<CompletableFuture<Integer>>> channelWaiters = new HashMap<>();
    private boolean started; // loop-confined
    private volatile BiConsumer<InetSocketAddress, byte[]> dataHandler = (p, d) -> { };

    private NettyTurnClient(TurnClientConfig config, SSLContext tls) {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        loop = group.next();
        client = new TurnClient(config, new SecureRandom());
        timer = new LoopTimer(loop, () -> {
            client.handleTimeout(System.nanoTime());
            drive();
        });
        try {
            channel = config.transport() == TurnTransport.UDP ? bindUdp(config) : connectStream(config, tls);
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw e;
        }
    }

    /** UDP or TCP; TLS with the JDK's default SSLContext (its default trust store). */
    public static NettyTurnClient create(TurnClientConfig config) {
        try {
            return create(config, config.transport() == TurnTransport.TLS ? SSLContext.getDefault() : null);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no default TLS context", e);
        }
    }

    /** As above with the client-side {@code tls} context (trust anchors for the server's certificate). */
    public static NettyTurnClient create(TurnClientConfig config, SSLContext tls) {
        Objects.requireNonNull(config, "config");
        if (config.transport() == TurnTransport.TLS) {
            Objects.requireNonNull(tls, "tls");
        }
        return new NettyTurnClient(config, tls);
    }

    private Channel bindUdp(TurnClientConfig config) {
        InetAddress server = config.server().getAddress();
        // a loopback server is reached from loopback; otherwise any local address of the family
        InetSocketAddress local = server.isLoopbackAddress() ? new InetSocketAddress(server, 0)
                : new InetSocketAddress(server instanceof Inet4Address ? "0.0.0.0" : "::", 0);
        return new Bootstrap().group(loop).channel(NioDatagramChannel.class).handler(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                try {
                    DatagramPacket p = (DatagramPacket) msg;
                    if (p.sender().equals(config.server())) { // anything else is not our server
                        ByteBuf c = p.content();
                        int len = Math.min(c.readableBytes(), in.length);
                        c.getBytes(c.readerIndex(), in, 0, len);
                        client.handleInput(System.nanoTime(), in, 0, len);
                    }
                } finally {
                    ReferenceCountUtil.release(msg);
                }
                drive();
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                // ICMP errors: the transactions time out and report Failed
            }
        }).bind(local).syncUninterruptibly().channel();
    }

    private Channel connectStream(TurnClientConfig config, SSLContext tls) {
        return new Bootstrap().group(loop).channel(NioSocketChannel.class).handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                if (config.transport() == TurnTransport.TLS) {
                    SSLEngine engine = tls.createSSLEngine(config.server().getHostString(), config.server().getPort());
                    engine.setUseClientMode(true);
                    ch.pipeline().addLast(new SslHandler(engine));
                }
                ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
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
                        try {
                            while (framer.next()) {
                                client.handleInput(System.nanoTime(), framer.buffer(), framer.frameOffset(),
                                        framer.frameLength());
                            }
                        } catch (TurnException e) {
                            ctx.close();
                        }
                        drive();
                    }

                    @Override
                    public void channelInactive(ChannelHandlerContext ctx) {
                        // the allocation dies with the connection (RFC 8656 §3.1)
                        allocated.completeExceptionally(new IllegalStateException("connection to the TURN server closed"));
                        deallocated.complete(null);
                        failAll(new IllegalStateException("connection to the TURN server closed"));
                    }

                    @Override
                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                        ctx.close();
                    }
                });
            }
        }).connect(config.server()).syncUninterruptibly().channel();
    }

    /** The local socket address (UDP) or connection address (TCP/TLS). */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** Allocates (RFC 8656 §7); completes with the relayed and mapped addresses. Idempotent. */
    public CompletableFuture<TurnEvent.Allocated> allocate() {
        loop.execute(() -> {
            if (started) {
                return;
            }
            started = true;
            client.start(System.nanoTime());
            drive();
        });
        return allocated;
    }

    public CompletableFuture<Void> createPermission(InetAddress... peers) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        List<InetAddress> key = List.of(peers);
        loop.execute(() -> {
            try {
                client.createPermission(System.nanoTime(), peers);
                permissionWaiters.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
            drive();
        });
        return f;
    }

    /** Completes with the channel number once the server confirmed the binding. */
    public CompletableFuture<Integer> bindChannel(InetSocketAddress peer) {
        CompletableFuture<Integer> f = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                int n = client.bindChannel(System.nanoTime(), peer);
                if (client.channelFor(peer) == n) {
                    f.complete(n);
                } else {
                    channelWaiters.computeIfAbsent(peer, k -> new ArrayList<>()).add(f);
                }
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
            drive();
        });
        return f;
    }

    /** Sends {@code data} (copied) to {@code peer} through the relay. */
    public void send(InetSocketAddress peer, byte[] data) {
        byte[] copy = data.clone();
        loop.execute(() -> {
            if (client.isAllocated()) {
                client.send(System.nanoTime(), peer, copy, 0, copy.length);
                drive();
            }
        });
    }

    /** Called on the loop thread for every datagram relayed from a peer. */
    public void onData(BiConsumer<InetSocketAddress, byte[]> handler) {
        this.dataHandler = Objects.requireNonNull(handler, "handler");
    }

    /** Deletes the allocation (Refresh with lifetime 0). */
    public CompletableFuture<Void> deallocate() {
        loop.execute(() -> {
            client.close(System.nanoTime());
            if (client.isClosed()) {
                deallocated.complete(null);
            }
            drive();
        });
        return deallocated;
    }

    /** Deallocates (waiting up to 2 s) and closes the socket and loop. */
    @Override
    public void close() {
        if (!group.isShuttingDown()) {
            try {
                deallocate().get(2, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // best effort: the server expires the allocation anyway
            }
            channel.close().syncUninterruptibly();
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private void drive() {
        byte[] out;
        boolean wrote = false;
        while ((out = client.pollTransmit()) != null) {
            ByteBuf b = channel.alloc().directBuffer(out.length).writeBytes(out);
            if (channel instanceof NioDatagramChannel) {
                channel.write(new DatagramPacket(b, client.config().server()));
            } else {
                channel.write(b);
            }
            wrote = true;
        }
        if (wrote) {
            channel.flush();
        }
        TurnEvent e;
        while ((e = client.pollEvent()) != null) {
            dispatch(e);
        }
        timer.arm(client.pollTimeout());
    }

    private void dispatch(TurnEvent e) {
        if (e instanceof TurnEvent.DataReceived d) {
            dataHandler.accept(d.peer(), d.data());
        } else if (e instanceof TurnEvent.Allocated a) {
            allocated.complete(a);
        } else if (e instanceof TurnEvent.PermissionCreated p) {
            List<CompletableFuture<Void>> fs = permissionWaiters.remove(p.peers());
            if (fs != null) {
                fs.forEach(f -> f.complete(null));
            }
        } else if (e instanceof TurnEvent.ChannelBound c) {
            List<CompletableFuture<Integer>> fs = channelWaiters.remove(c.peer());
            if (fs != null) {
                fs.forEach(f -> f.complete(c.channel()));
            }
        } else if (e instanceof TurnEvent.Failed f) {
            TurnFailure failure = new TurnFailure(f);
            switch (f.operation()) {
                case ALLOCATE:
                case REFRESH:
                    allocated.completeExceptionally(failure);
                    deallocated.complete(null);
                    failAll(failure);
                    break;
                case CREATE_PERMISSION:
                    permissionWaiters.values().forEach(l -> l.forEach(x -> x.completeExceptionally(failure)));
                    permissionWaiters.clear();
                    break;
                default:
                    channelWaiters.values().forEach(l -> l.forEach(x -> x.completeExceptionally(failure)));
                    channelWaiters.clear();
                    break;
            }
        } else if (e instanceof TurnEvent.Deallocated) {
            deallocated.complete(null);
        }
    }

    private void failAll(Throwable t) {
        permissionWaiters.values().forEach(l -> l.forEach(x -> x.completeExceptionally(t)));
        permissionWaiters.clear();
        channelWaiters.values().forEach(l -> l.forEach(x -> x.completeExceptionally(t)));
        channelWaiters.clear();
    }
}
