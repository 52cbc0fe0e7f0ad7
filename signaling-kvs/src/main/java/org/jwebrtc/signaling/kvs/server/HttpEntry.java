package org.jwebrtc.signaling.kvs.server;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.timeout.IdleStateHandler;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jwebrtc.signaling.kvs.SignalingException;
import org.jwebrtc.signaling.kvs.auth.HttpRequestToSign;
import org.jwebrtc.signaling.kvs.internal.JsonText;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * Every HTTP request: REST control-plane calls (SigV4 header auth) and the WebSocket upgrade of
 * ConnectAsMaster/ConnectAsViewer (SigV4 presigned query). Errors are AWS-shaped: status, x-amzn-ErrorType,
 * {@code {"__type","message"}}, and always a correct Date header (the C SDK corrects its clock from it).
 */
final class HttpEntry extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Pattern CLIENT_ID = Pattern.compile("[a-zA-Z0-9_.-]{1,256}");
    private final LocalKvsServer server;

    HttpEntry(LocalKvsServer server) {
        this.server = server;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        HttpRequestToSign toSign = toSign(req);
        try {
            if ("websocket".equalsIgnoreCase(req.headers().get(HttpHeaderNames.UPGRADE))) {
                upgrade(ctx, req, toSign);
                return;
            }
            if (!req.method().equals(HttpMethod.POST)) {
                throw new KvsError(405, "MethodNotAllowedException", "Use POST");
            }
            server.authenticator.verifyHeaderSigned(toSign);
            String path = new QueryStringDecoder(req.uri()).path();
            String body = req.content().toString(StandardCharsets.UTF_8);
            if (path.equals("/v1/send-alexa-offer-to-master")) {
                alexa(ctx, req, body);
                return;
            }
            respond(ctx, req, HttpResponseStatus.OK, server.controlPlane.handle(path, body), null);
        } catch (KvsError e) {
            respondError(ctx, req, e);
        }
    }

    private void upgrade(ChannelHandlerContext ctx, FullHttpRequest req, HttpRequestToSign toSign) throws KvsError {
        server.authenticator.verifyPresigned(toSign);
        String arn = toSign.queryParam("X-Amz-ChannelARN");
        if (arn == null) {
            throw KvsError.invalidArgument("X-Amz-ChannelARN is required");
        }
        if (server.controlPlane.byArn(arn).isEmpty()) {
            throw KvsError.notFound("The requested channel is not found or not active.");
        }
        Optional<String> clientId = Optional.ofNullable(toSign.queryParam("X-Amz-ClientId"));
        if (clientId.isPresent() && (!CLIENT_ID.matcher(clientId.get()).matches() || clientId.get().startsWith("AWS_"))) {
            throw KvsError.invalidArgument("X-Amz-ClientId must match [a-zA-Z0-9_.-]{1,256} and not start with AWS_");
        }
        SignalingConnection conn = new SignalingConnection(ctx.channel(), arn, clientId);
        server.router.admit(conn);
        WebSocketServerHandshaker hs = new WebSocketServerHandshakerFactory(
                "ws://" + req.headers().get(HttpHeaderNames.HOST) + "/", null, true, 65_536).newHandshaker(req);
        if (hs == null) {
            server.router.remove(conn);
            throw KvsError.invalidArgument("Unsupported WebSocket version");
        }
        long idleMillis = server.config.idleTimeout().toMillis();
        ctx.pipeline().addBefore(ctx.name(), "idle", new IdleStateHandler(0, 0, idleMillis, TimeUnit.MILLISECONDS));
        ctx.pipeline().replace(this, "ws", new WebSocketSession(server, conn, hs));
        hs.handshake(ctx.channel(), req);
    }

    private void alexa(ChannelHandlerContext ctx, FullHttpRequest req, String body) throws KvsError {
        Map<String, JsonNode> o;
        String arn;
        String sender;
        String payload;
        try {
            o = JsonText.object(body, "request body");
            arn = JsonText.string(o, "ChannelARN").orElseThrow(() -> KvsError.invalidArgument("ChannelARN is required"));
            sender = JsonText.string(o, "SenderClientId")
                    .orElseThrow(() -> KvsError.invalidArgument("SenderClientId is required"));
            payload = new String(Base64.getDecoder().decode(JsonText.string(o, "MessagePayload")
                    .orElseThrow(() -> KvsError.invalidArgument("MessagePayload is required"))), StandardCharsets.UTF_8);
        } catch (SignalingException | IllegalArgumentException e) {
            throw KvsError.invalidArgument(e.getMessage());
        }
        CompletableFuture<String> answer = server.router.offerFromAlexa(arn, sender, payload);
        FullHttpRequest retained = req.retainedDuplicate();
        answer.orTimeout(server.config.alexaAnswerTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((ans, err) -> ctx.executor().execute(() -> {
                    try {
                        if (err != null) {
                            server.router.cancelAlexa(arn, sender);
                            respondError(ctx, retained, new KvsError(400, "InvalidClientException",
                                    "The master did not answer in time"));
                        } else {
                            respond(ctx, retained, HttpResponseStatus.OK, JsonText.write(Map.of("Answer",
                                    Base64.getEncoder().encodeToString(ans.getBytes(StandardCharsets.UTF_8)))), null);
                        }
                    } finally {
                        retained.release();
                    }
                }));
    }

    private static HttpRequestToSign toSign(FullHttpRequest req) {
        QueryStringDecoder qs = new QueryStringDecoder(req.uri());
        List<Map.Entry<String, String>> query = new ArrayList<>();
        qs.parameters().forEach((k, vs) -> vs.forEach(v -> query.add(Map.entry(k, v))));
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        req.headers().forEach(h -> headers.add(Map.entry(h.getKey(), h.getValue())));
        return new HttpRequestToSign(req.method().name(), qs.rawPath(), query, headers,
                ByteBufUtil.getBytes(req.content()));
    }

    private void respondError(ChannelHandlerContext ctx, FullHttpRequest req, KvsError e) {
        String body = JsonText.write(Map.of("__type", e.type, "message", e.getMessage()));
        respond(ctx, req, HttpResponseStatus.valueOf(e.status), body, e.type);
    }

    private void respond(ChannelHandlerContext ctx, FullHttpRequest req, HttpResponseStatus status, String body,
                         String errorType) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(bytes));
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length)
                .set(HttpHeaderNames.DATE, DateTimeFormatter.RFC_1123_DATE_TIME
                        .format(server.config.clock().instant().atOffset(ZoneOffset.UTC)))
                .set("x-amzn-RequestId", UUID.randomUUID().toString());
        if (errorType != null) {
            res.headers().set("x-amzn-ErrorType", errorType);
        }
        boolean keepAlive = HttpUtil.isKeepAlive(req) && errorType == null;
        if (keepAlive) {
            res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(res);
        } else {
            ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
