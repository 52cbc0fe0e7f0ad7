package org.jwebrtc.turn;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jwebrtc.stun.StunBindingResponder;
import org.jwebrtc.stun.StunResponderStats;

/**
 * A UDP STUN server (RFC 8489 Binding) on Netty: the I/O edge around stun's sans-IO
 * {@link StunBindingResponder}. One event loop owns the channel and the responder; each datagram
 * is copied into a loop-owned scratch array, the ByteBuf is released at once (by
 * {@link SimpleChannelInboundHandler}), and the response is written straight back.
 */
public final class StunServer implements AutoCloseable {
    private static final int MAX_DATAGRAM = 2048;
    private final EventLoopGroup group;
    private final Channel channel;
    private final StunBindingResponder responder;

    private StunServer(EventLoopGroup group, Channel channel, StunBindingResponder responder) {
        this.group = group;
        this.channel = channel;
        this.responder = responder;
    }

    /** Binds {@code address} (port 0 = any free port) with an open responder. */
    public static StunServer start(InetSocketAddress address) {
        return start(address, StunBindingResponder.open("jwebrtc"));
    }

    /** Binds {@code address} and answers with {@code responder}, which becomes loop-owned. */
    public static StunServer start(InetSocketAddress address, StunBindingResponder responder) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(responder, "responder");
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            Channel ch = new Bootstrap()
                    .group(group)
                    .channel(NioDatagramChannel.class)
                    .handler(new Handler(responder))
                    .bind(address)
                    .syncUninterruptibly()
                    .channel();
            return new StunServer(group, ch, responder);
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw e;
        }
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** Counters, read on the event loop that owns the responder. */
    public StunResponderStats stats() {
        try {
            return channel.eventLoop().submit(responder::stats).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Loop-confined: the scratch arrays and the responder are touched only on the event loop. */
    private static final class Handler extends SimpleChannelInboundHandler<DatagramPacket> {
        private final StunBindingResponder responder;
        private final byte[] in = new byte[MAX_DATAGRAM];
        private final byte[] out = new byte[StunBindingResponder.MAX_RESPONSE_LENGTH];

        Handler(StunBindingResponder responder) {
            this.responder = responder;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            ByteBuf content = packet.content();
            int len = content.readableBytes();
            if (len > in.length) {
                return; // larger than any STUN request we answer
            }
            content.getBytes(content.readerIndex(), in, 0, len);
            int n = responder.respond(in, 0, len, packet.sender(), out, 0);
            if (n == StunBindingResponder.NO_RESPONSE) {
                return;
            }
            ByteBuf reply = ctx.alloc().directBuffer(n).writeBytes(out, 0, n);
            ctx.writeAndFlush(new DatagramPacket(reply, packet.sender()));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // a send error (e.g. ICMP port unreachable surfaced on the socket) must not close the server
        }
    }
}
