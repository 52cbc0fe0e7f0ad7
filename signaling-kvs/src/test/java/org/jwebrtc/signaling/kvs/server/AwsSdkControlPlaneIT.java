package org.jwebrtc.signaling.kvs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesisvideo.KinesisVideoClient;
import software.amazon.awssdk.services.kinesisvideo.model.ChannelInfo;
import software.amazon.awssdk.services.kinesisvideo.model.ChannelProtocol;
import software.amazon.awssdk.services.kinesisvideo.model.ChannelRole;
import software.amazon.awssdk.services.kinesisvideo.model.KinesisVideoException;
import software.amazon.awssdk.services.kinesisvideo.model.MediaStorageConfigurationStatus;
import software.amazon.awssdk.services.kinesisvideo.model.ResourceEndpointListItem;
import software.amazon.awssdk.services.kinesisvideo.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesisvideo.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesisvideo.model.VersionMismatchException;
import software.amazon.awssdk.services.kinesisvideosignaling.KinesisVideoSignalingClient;
import software.amazon.awssdk.services.kinesisvideosignaling.model.IceServer;
import software.amazon.awssdk.services.kinesisvideowebrtcstorage.KinesisVideoWebRtcStorageClient;

/** The real AWS SDK for Java v2 clients, endpoint-overridden to the local server, drive every control-plane call. */
class AwsSdkControlPlaneIT {
    static LocalKvsServer server;
    static KinesisVideoClient kvs;
    static KinesisVideoSignalingClient signaling;
    static KinesisVideoWebRtcStorageClient storage;

    @BeforeAll
    static void start() throws Exception {
        server = LocalKvsServer.start(LocalKvsConfig.builder()
                .turn(List.of("turn:127.0.0.1:3478?transport=udp"), "secret").build());
        StaticCredentialsProvider creds = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                LocalKvsConfig.EXAMPLE_ACCESS_KEY, LocalKvsConfig.EXAMPLE_SECRET_KEY));
        kvs = KinesisVideoClient.builder().region(Region.US_WEST_2).credentialsProvider(creds)
                .endpointOverride(server.httpEndpoint()).build();
        signaling = KinesisVideoSignalingClient.builder().region(Region.US_WEST_2).credentialsProvider(creds)
                .endpointOverride(server.httpEndpoint()).build();
        storage = KinesisVideoWebRtcStorageClient.builder().region(Region.US_WEST_2).credentialsProvider(creds)
                .endpointOverride(server.httpEndpoint()).build();
    }

    @AfterAll
    static void stop() {
        kvs.close();
        signaling.close();
        storage.close();
        server.close();
    }

    @Test
    void channelLifecycleWithTagsVersionsAndEndpoints() {
        String arn = kvs.createSignalingChannel(r -> r.channelName("lifecycle").tags(t -> t.key("env").value("test"))
                .singleMasterConfiguration(c -> c.messageTtlSeconds(30))).channelARN();
        assertThat(arn).startsWith("arn:aws:kinesisvideo:us-west-2:123456789012:channel/lifecycle/");

        ChannelInfo info = kvs.describeSignalingChannel(r -> r.channelName("lifecycle")).channelInfo();
        assertThat(info.channelARN()).isEqualTo(arn);
        assertThat(info.channelStatusAsString()).isEqualTo("ACTIVE");
        assertThat(info.singleMasterConfiguration().messageTtlSeconds()).isEqualTo(30);
        assertThat(info.creationTime()).isNotNull();
        assertThat(kvs.describeSignalingChannel(r -> r.channelARN(arn)).channelInfo().channelName())
                .isEqualTo("lifecycle");

        assertThatThrownBy(() -> kvs.createSignalingChannel(r -> r.channelName("lifecycle")))
                .isInstanceOf(ResourceInUseException.class);

        kvs.updateSignalingChannel(r -> r.channelARN(arn).currentVersion(info.version())
                .singleMasterConfiguration(c -> c.messageTtlSeconds(90)));
        assertThatThrownBy(() -> kvs.updateSignalingChannel(r -> r.channelARN(arn).currentVersion(info.version())))
                .isInstanceOf(VersionMismatchException.class);
        assertThat(kvs.describeSignalingChannel(r -> r.channelARN(arn)).channelInfo()
                .singleMasterConfiguration().messageTtlSeconds()).isEqualTo(90);

        kvs.tagResource(r -> r.resourceARN(arn).tags(t -> t.key("owner").value("qa")));
        assertThat(kvs.listTagsForResource(r -> r.resourceARN(arn)).tags())
                .containsEntry("env", "test").containsEntry("owner", "qa");
        kvs.untagResource(r -> r.resourceARN(arn).tagKeyList("owner"));
        assertThat(kvs.listTagsForResource(r -> r.resourceARN(arn)).tags()).containsOnlyKeys("env");

        List<ResourceEndpointListItem> master = kvs.getSignalingChannelEndpoint(r -> r.channelARN(arn)
                .singleMasterChannelEndpointConfiguration(c -> c.role(ChannelRole.MASTER)
                        .protocols(ChannelProtocol.WSS, ChannelProtocol.HTTPS))).resourceEndpointList();
        assertThat(master).extracting(ResourceEndpointListItem::resourceEndpoint)
                .containsExactly(server.wsEndpoint().toString(), server.httpEndpoint().toString());
        assertThatThrownBy(() -> kvs.getSignalingChannelEndpoint(r -> r.channelARN(arn)
                .singleMasterChannelEndpointConfiguration(c -> c.role(ChannelRole.VIEWER)
                        .protocols(ChannelProtocol.WEBRTC))))
                .isInstanceOf(software.amazon.awssdk.services.kinesisvideo.model.InvalidArgumentException.class);

        String version = kvs.describeSignalingChannel(r -> r.channelARN(arn)).channelInfo().version();
        kvs.deleteSignalingChannel(r -> r.channelARN(arn).currentVersion(version));
        assertThatThrownBy(() -> kvs.describeSignalingChannel(r -> r.channelARN(arn)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void listPagesAndFiltersByPrefix() {
        for (int i = 0; i < 5; i++) {
            int n = i;
            kvs.createSignalingChannel(r -> r.channelName("list-" + n));
        }
        kvs.createSignalingChannel(r -> r.channelName("other"));
        var first = kvs.listSignalingChannels(r -> r.maxResults(3)
                .channelNameCondition(c -> c.comparisonOperator("BEGINS_WITH").comparisonValue("list-")));
        assertThat(first.channelInfoList()).hasSize(3);
        assertThat(first.nextToken()).isNotNull();
        var second = kvs.listSignalingChannels(r -> r.maxResults(3).nextToken(first.nextToken())
                .channelNameCondition(c -> c.comparisonOperator("BEGINS_WITH").comparisonValue("list-")));
        assertThat(second.channelInfoList()).hasSize(2);
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void iceServerConfigHandsOutTimeLimitedTurnCredentials() {
        String arn = kvs.createSignalingChannel(r -> r.channelName("ice")).channelARN();
        List<IceServer> list = signaling.getIceServerConfig(r -> r.channelARN(arn).clientId("viewer-1")
                .service("TURN")).iceServerList();
        assertThat(list).hasSize(1);
        IceServer s = list.get(0);
        assertThat(s.ttl()).isEqualTo(300);
        assertThat(s.uris()).containsExactly("turn:127.0.0.1:3478?transport=udp");
        assertThat(s.username()).endsWith(":viewer-1");
        assertThat(s.password()).isEqualTo(TurnRestCredentials.password("secret", s.username()));
        long expiry = Long.parseLong(s.username().substring(0, s.username().indexOf(':')));
        assertThat(expiry - System.currentTimeMillis() / 1000).isBetween(290L, 310L);
    }

    @Test
    void mediaStorageConfigurationAndJoinStorageSession() {
        String arn = kvs.createSignalingChannel(r -> r.channelName("storage")).channelARN();
        assertThatThrownBy(() -> storage.joinStorageSession(r -> r.channelArn(arn)))
                .isInstanceOf(software.amazon.awssdk.services.kinesisvideowebrtcstorage.model
                        .InvalidArgumentException.class);
        kvs.updateMediaStorageConfiguration(r -> r.channelARN(arn).mediaStorageConfiguration(c -> c
                .status(MediaStorageConfigurationStatus.ENABLED)
                .streamARN("arn:aws:kinesisvideo:us-west-2:123456789012:stream/s/1")));
        var conf = kvs.describeMediaStorageConfiguration(r -> r.channelARN(arn)).mediaStorageConfiguration();
        assertThat(conf.statusAsString()).isEqualTo("ENABLED");
        assertThat(conf.streamARN()).endsWith("stream/s/1");
        storage.joinStorageSession(r -> r.channelArn(arn));
        storage.joinStorageSessionAsViewer(r -> r.channelArn(arn).clientId("viewer-1"));
        assertThat(kvs.getSignalingChannelEndpoint(r -> r.channelARN(arn)
                .singleMasterChannelEndpointConfiguration(c -> c.role(ChannelRole.MASTER)
                        .protocols(ChannelProtocol.WEBRTC))).resourceEndpointList()).hasSize(1);
    }

    @Test
    void badCredentialsAreRefusedWithAwsErrors() {
        try (KinesisVideoClient wrong = KinesisVideoClient.builder().region(Region.US_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LocalKvsConfig.EXAMPLE_ACCESS_KEY, "not-the-secret")))
                .endpointOverride(server.httpEndpoint()).build()) {
            assertThatThrownBy(() -> wrong.listSignalingChannels(r -> r.maxResults(1)))
                    .isInstanceOf(KinesisVideoException.class)
                    .hasMessageContaining("signature we calculated does not match")
                    .satisfies(e -> assertThat(((KinesisVideoException) e).statusCode()).isEqualTo(403));
        }
        try (KinesisVideoClient unknown = KinesisVideoClient.builder().region(Region.US_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDUNKNOWN", "x")))
                .endpointOverride(server.httpEndpoint()).build()) {
            assertThatThrownBy(() -> unknown.listSignalingChannels(r -> r.maxResults(1)))
                    .isInstanceOf(KinesisVideoException.class)
                    .hasMessageContaining("security token included in the request is invalid");
        }
    }

    @Test
    void sendAlexaOfferToMasterReturnsTheMastersAnswer() throws Exception {
        String arn = kvs.createSignalingChannel(r -> r.channelName("alexa")).channelARN();
        io.netty.channel.EventLoopGroup group = new io.netty.channel.MultiThreadIoEventLoopGroup(1,
                io.netty.channel.nio.NioIoHandler.newFactory());
        try {
            java.util.concurrent.atomic.AtomicReference<org.jwebrtc.signaling.kvs.SignalingWebSocket> self =
                    new java.util.concurrent.atomic.AtomicReference<>();
            org.jwebrtc.signaling.kvs.SignalingWebSocket master = org.jwebrtc.signaling.kvs.SignalingWebSocket.open(
                    org.jwebrtc.signaling.kvs.ConnectUrlSigner.sign(server.wsEndpoint(), arn, java.util.Optional.empty(),
                            software.amazon.awssdk.identity.spi.AwsCredentialsIdentity.create(
                                    LocalKvsConfig.EXAMPLE_ACCESS_KEY, LocalKvsConfig.EXAMPLE_SECRET_KEY),
                            "us-west-2", java.time.Instant.now()), group,
                    m -> self.get().send(new org.jwebrtc.signaling.kvs.OutboundFrame(
                            org.jwebrtc.signaling.kvs.MessageType.SDP_ANSWER, "answer to " + m.payloadJson().orElse(""),
                            m.senderClientId(), java.util.Optional.empty()))).get(10, java.util.concurrent.TimeUnit.SECONDS);
            self.set(master);
            String answer = signaling.sendAlexaOfferToMaster(r -> r.channelARN(arn).senderClientId("alexa-1")
                    .messagePayload(java.util.Base64.getEncoder().encodeToString("v=0\r\n".getBytes()))).answer();
            assertThat(new String(java.util.Base64.getDecoder().decode(answer))).isEqualTo("answer to v=0\r\n");
            master.close();
        } finally {
            group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Test
    void sendAlexaOfferWithoutMasterIsNotFound() {
        String arn = kvs.createSignalingChannel(r -> r.channelName("alexa-none")).channelARN();
        assertThatThrownBy(() -> signaling.sendAlexaOfferToMaster(r -> r.channelARN(arn).senderClientId("alexa")
                .messagePayload("dj0wDQo=")))
                .isInstanceOf(software.amazon.awssdk.services.kinesisvideosignaling.model.ResourceNotFoundException.class);
    }
}
