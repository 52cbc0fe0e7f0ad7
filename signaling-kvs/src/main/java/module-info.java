module org.jwebrtc.signaling.kvs {
    requires software.amazon.awssdk.services.kinesisvideo;
    requires software.amazon.awssdk.services.kinesisvideosignaling;
    requires software.amazon.awssdk.services.kinesisvideowebrtcstorage;
    requires software.amazon.awssdk.protocols.jsoncore;
    requires software.amazon.awssdk.http.auth.aws;
    requires software.amazon.awssdk.http.auth.spi;
    requires software.amazon.awssdk.identity.spi;
    requires software.amazon.awssdk.http;
    requires software.amazon.awssdk.utils;
    requires software.amazon.awssdk.auth;
    requires software.amazon.awssdk.regions;
    requires software.amazon.awssdk.core;
    requires software.amazon.awssdk.awscore;
    requires io.netty.codec.http;
    requires io.netty.handler;
    requires io.netty.transport;
    requires io.netty.buffer;
    requires io.netty.common;
    exports org.jwebrtc.signaling.kvs;
    exports org.jwebrtc.signaling.kvs.auth;
    exports org.jwebrtc.signaling.kvs.server;
}
