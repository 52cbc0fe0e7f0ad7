module org.jwebrtc.signaling.kvs {
    requires software.amazon.awssdk.services.kinesisvideo;
    requires software.amazon.awssdk.services.kinesisvideosignaling;
    requires software.amazon.awssdk.services.kinesisvideowebrtcstorage;
    requires io.netty.codec.http;
    requires io.netty.handler;
    requires io.netty.transport;
    requires io.netty.buffer;
    requires io.netty.common;
    // exports org.jwebrtc.signaling.kvs; (added with the first public type)
}
