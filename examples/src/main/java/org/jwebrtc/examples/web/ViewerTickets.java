package org.jwebrtc.examples.web;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jwebrtc.signaling.kvs.ConnectUrlSigner;
import org.jwebrtc.signaling.kvs.IceServer;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesisvideo.KinesisVideoClient;
import software.amazon.awssdk.services.kinesisvideo.model.ChannelProtocol;
import software.amazon.awssdk.services.kinesisvideo.model.ChannelRole;

/**
 * Issues {@link ViewerTicket}s the way a real backend does for browser viewers of a KVS channel: resolve the
 * channel's viewer WSS endpoint through the control plane once, then presign a fresh URL per page load.
 */
public final class ViewerTickets implements Supplier<ViewerTicket>, AutoCloseable {
    private final AwsCredentialsProvider credentials;
    private final Region region;
    private final String channelArn;
    private final URI wssEndpoint;
    private final Supplier<List<IceServer>> iceServers;
    private final boolean relayOnly;
    private final boolean media;
    private final SecureRandom random = new SecureRandom();
    private final KinesisVideoClient kvs;

    /**
     * @param endpointOverride the control-plane endpoint (the local server's), or empty for AWS
     * @param iceServers       the servers to hand to browsers (typically what the master got from GetIceServerConfig)
     */
    public ViewerTickets(AwsCredentialsProvider credentials, Region region, Optional<URI> endpointOverride,
                         String channelName, Supplier<List<IceServer>> iceServers, boolean relayOnly, boolean media) {
        this.credentials = credentials;
        this.region = region;
        this.iceServers = iceServers;
        this.relayOnly = relayOnly;
        this.media = media;
        var b = KinesisVideoClient.builder().region(region).credentialsProvider(credentials);
        endpointOverride.ifPresent(b::endpointOverride);
        this.kvs = b.build();
        this.channelArn = kvs.describeSignalingChannel(r -> r.channelName(channelName)).channelInfo().channelARN();
        this.wssEndpoint = kvs.getSignalingChannelEndpoint(r -> r.channelARN(channelArn)
                        .singleMasterChannelEndpointConfiguration(c -> c.role(ChannelRole.VIEWER)
                                .protocols(ChannelProtocol.WSS))).resourceEndpointList().stream()
                .filter(e -> "WSS".equals(e.protocolAsString())).map(e -> URI.create(e.resourceEndpoint()))
                .findFirst().orElseThrow(() -> new IllegalStateException("no WSS endpoint for " + channelArn));
    }

    @Override
    public ViewerTicket get() {
        byte[] id = new byte[6];
        random.nextBytes(id);
        String clientId = "browser-" + HexFormat.of().formatHex(id);
        URI url = ConnectUrlSigner.sign(wssEndpoint, channelArn, Optional.of(clientId),
                credentials.resolveCredentials(), region.id(), Instant.now());
        return new ViewerTicket(url, clientId, iceServers.get(), relayOnly, media);
    }

    @Override
    public void close() {
        kvs.close();
    }
}
