package org.jwebrtc.signaling.kvs.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Optional;
import org.jwebrtc.signaling.kvs.MessageType;

/**
 * A KVS-compatible signaling server on one port: the control-plane REST API, GetIceServerConfig and
 * SendAlexaOfferToMaster (HTTP, SigV4 header auth) and ConnectAsMaster/ConnectAsViewer (WebSocket, SigV4
 * presigned). The AWS SDK and the official clients work against it with {@code endpointOverride}; it is the
 * signaling of the local demo, the tests, and self-hosted deployments.
 */
public final class LocalKvsServer implements AutoCloseable {
    final LocalKvsConfig config;
    final ControlPlane controlPlane;
    final RequestAuthenticator authenticator;
    final SignalingRouter router;
    private final EventLoopGroup group;
    private final Channel serverChannel;
    private final InetSocketAddress address;

    private LocalKvsServer(LocalKvsConfig config) throws InterruptedException {
        this.config = config;
        this.controlPlane = new ControlPlane(config);
        this.authenticator = new RequestAuthenticator(config);
        this.router = new SignalingRouter(config);
        this.group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            serverChannel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                                    new HttpEntry(LocalKvsServer.this));
                        }
                    }).bind(config.bind()).sync().channel();
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully();
            throw e;
        }
        this.address = (InetSocketAddress) serverChannel.localAddress();
        controlPlane.endpoints(httpEndpoint().toString(), wsEndpoint().toString());
    }

    public static LocalKvsServer start(LocalKvsConfig config) throws InterruptedException {
        return new LocalKvsServer(config);
    }

    public InetSocketAddress address() {
        return address;
    }

    /** The control-plane and HTTPS endpoint ({@code endpointOverride} for the AWS SDK clients). */
    public URI httpEndpoint() {
        return URI.create("http://" + hostPort());
    }

    /** The WSS endpoint GetSignalingChannelEndpoint hands out (plain ws on loopback). */
    public URI wsEndpoint() {
        return URI.create("ws://" + hostPort());
    }

    private String hostPort() {
        String host = address.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /** Sends GO_AWAY to the master (clientId absent), one viewer, or all viewers ("*"). Returns how many. */
    public int goAway(String channelArn, Optional<String> clientId) {
        return router.notify(channelArn, clientId, MessageType.GO_AWAY).size();
    }

    /** Sends RECONNECT_ICE_SERVER like {@link #goAway}. */
    public int reconnectIceServer(String channelArn, Optional<String> clientId) {
        return router.notify(channelArn, clientId, MessageType.RECONNECT_ICE_SERVER).size();
    }

    /** Requests refused by the SigV4 check (REST header form and WebSocket presigned form) since the start. */
    public long refusedSignatures() {
        return authenticator.refused();
    }

    /** Frames and connections refused by the signaling router since the start, by reason. */
    public SignalingRefusals refusals() {
        return router.refusals();
    }

    public int viewerCount(String channelArn) {
        return router.viewerCount(channelArn);
    }

    public boolean masterConnected(String channelArn) {
        return router.masterConnected(channelArn);
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
