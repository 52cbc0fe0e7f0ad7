package org.jwebrtc.peerconnection.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jwebrtc.ice.Candidate;
import org.jwebrtc.ice.Rfc4571Framer;
import org.jwebrtc.ice.TcpType;

/**
 * The ICE-TCP sockets of one connection (RFC 6544 host candidates, RFC 4571 framing), on the connection's event
 * loop: one listening socket per host address for the passive candidate, and outgoing connections for the active
 * candidate (signalled with port 9, RFC 6544 §4.5), opened when the agent first sends a check on such a pair. Each
 * connection is keyed by (candidate base, peer address), which is how the agent names the pair's transport
 * (`Transmit.local()`/`remote()`), and has one {@link Rfc4571Framer} for what it reads. A refused or lost connection
 * only drops what was queued on it: the agent's check times out (RFC 6544 §7.1). At most {@link #MAX_CONNECTIONS}
 * connections; more accepted ones are closed at once (nobody can pin our resources by connecting to the passive port).
 */
public final class IceTcpSockets {
    /** Where whole frames go (on the loop). */
    public interface Sink {
        void frame(long nowNanos, InetSocketAddress local, InetSocketAddress remote, byte[] data);

        /** After a read's frames: one place to drive the stack and flush. */
        void readDone(long nowNanos);
    }

    public static final int MAX_CONNECTIONS = 32;
    private static final int MAX_QUEUED = 64;

    private final EventLoop loop;
    private final Sink sink;
    private final List<Channel> servers = new ArrayList<>();
    private final Map<Key, Connection> connections = new HashMap<>();
    private long refused;

    private record Key(InetSocketAddress local, InetSocketAddress remote) {}

    private static final class Connection {
        Channel channel;
        final ArrayDeque<byte[]> pending = new ArrayDeque<>();
        boolean connected;
    }

    public IceTcpSockets(EventLoop loop, Sink sink) {
        this.loop = loop;
        this.sink = sink;
    }

    /**
     * Listens on {@code address} (any port) and returns the passive candidate and the active one of that address.
     * Blocks until bound; call it off the loop (connection setup).
     */
    public List<Candidate> open(InetAddress address, int otherPreference) throws InterruptedException {
        Channel server = new ServerBootstrap().group(loop).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        accepted(ch);
                    }
                }).bind(new InetSocketAddress(address, 0)).sync().channel();
        servers.add(server);
        InetSocketAddress bound = (InetSocketAddress) server.localAddress();
        return List.of(Candidate.tcpHost(bound, TcpType.PASSIVE, otherPreference, 1),
                Candidate.tcpHost(new InetSocketAddress(address, 9), TcpType.ACTIVE, otherPreference, 1));
    }

    private void accepted(SocketChannel ch) {
        InetSocketAddress local = ch.localAddress();
        InetSocketAddress remote = ch.remoteAddress();
        if (connections.size() >= MAX_CONNECTIONS) {
            refused++;
            ch.close();
            return;
        }
        Key key = new Key(local, remote);
        Connection c = new Connection();
        c.channel = ch;
        c.connected = true;
        connections.put(key, c);
        ch.pipeline().addLast(new Reader(key, c));
    }

    /** One packet (STUN, DTLS, SRTP) for the pair (local base, remote), framed; opens the connection if needed. */
    public void send(InetSocketAddress local, InetSocketAddress remote, byte[] data) {
        if (data.length > Rfc4571Framer.MAX_FRAME) {
            return;
        }
        Key key = new Key(local, remote);
        Connection c = connections.get(key);
        if (c == null) {
            if (local.getPort() != 9 || connections.size() >= MAX_CONNECTIONS) {
                return;   // passive candidates never connect out (RFC 6544 §6.2); the check times out
            }
            c = connect(key);
        }
        byte[] framed = Rfc4571Framer.frame(data, 0, data.length);
        if (c.connected) {
            c.channel.writeAndFlush(Unpooled.wrappedBuffer(framed));
        } else if (c.pending.size() < MAX_QUEUED) {
            c.pending.add(framed);
        }
    }

    private Connection connect(Key key) {
        Connection c = new Connection();
        connections.put(key, c);
        ChannelFuture f = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .handler(new Reader(key, c))
                .localAddress(new InetSocketAddress(key.local().getAddress(), 0))
                .connect(key.remote());
        c.channel = f.channel();
        f.addListener(done -> {
            if (!done.isSuccess()) {
                connections.remove(key, c);   // RFC 6544 §7.1: the check will time out
                return;
            }
            c.connected = true;
            for (byte[] b; (b = c.pending.poll()) != null; ) {
                c.channel.write(Unpooled.wrappedBuffer(b));
            }
            c.channel.flush();
        });
        return c;
    }

    /** Open connections (accepted and our own). */
    public int connectionCount() {
        return connections.size();
    }

    /** Accepted connections closed at once because {@link #MAX_CONNECTIONS} were open. */
    public long refusedConnections() {
        return refused;
    }

    public void close() {
        for (Connection c : connections.values()) {
            c.channel.close();
        }
        connections.clear();
        servers.forEach(Channel::close);
        servers.clear();
    }

    /** Stream bytes in, RFC 4571 frames out; copied and released at once (DESIGN.md §2). */
    private final class Reader extends ChannelInboundHandlerAdapter {
        private final Key key;
        private final Connection connection;
        private final Rfc4571Framer framer = new Rfc4571Framer();

        Reader(Key key, Connection connection) {
            this.key = key;
            this.connection = connection;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            byte[] data;
            try {
                ByteBuf buf = (ByteBuf) msg;
                data = new byte[buf.readableBytes()];
                buf.getBytes(buf.readerIndex(), data);
            } finally {
                ReferenceCountUtil.release(msg);
            }
            long now = System.nanoTime();
            int off = 0;
            while (off < data.length) {
                off += framer.feed(data, off, data.length - off);
                for (byte[] frame; (frame = framer.pollFrame()) != null; ) {
                    sink.frame(now, key.local(), key.remote(), frame);
                }
            }
            sink.readDone(now);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            connections.remove(key, connection);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();   // a reset connection: its pairs' checks time out, ICE goes on with the others
        }
    }
}
