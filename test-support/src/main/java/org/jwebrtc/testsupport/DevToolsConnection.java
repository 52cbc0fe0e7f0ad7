package org.jwebrtc.testsupport;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * One WebSocket to the browser target speaking the Chrome DevTools Protocol. Commands carry an
 * {@code id}; the reply with that id completes the command's future. With flattened sessions
 * ({@code Target.attachToTarget flatten=true}) page commands and events travel on this same socket,
 * tagged with a {@code sessionId}; events are handed to the listener registered for it. Listeners
 * run on the WebSocket's thread and must not block.
 */
final class DevToolsConnection implements AutoCloseable {
    /** The browser target's own session: commands and events without a sessionId. */
    static final String BROWSER = "";

    /**
     * One client for all connections, created on first use. It gets its own SSLContext because the
     * default one parses the whole cacerts trust store: that took 12 s of the first launch on a
     * loaded machine, and DevTools is plain ws:// on 127.0.0.1.
     */
    private static final class Http {
        static final HttpClient CLIENT = HttpClient.newBuilder()
                .proxy(HttpClient.Builder.NO_PROXY)
                .sslContext(noTrustStore())
                .build();

        private static SSLContext noTrustStore() {
            try {
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(new KeyManager[0], new TrustManager[0], null); // trusts nothing
                return ctx;
            } catch (GeneralSecurityException e) {
                throw new AssertionError(e);
            }
        }
    }

    private record Pending(String method, CompletableFuture<Map<String, Object>> reply) {}

    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Consumer<DevToolsEvent>> listeners = new ConcurrentHashMap<>();
    private final Object sendLock = new Object();
    private volatile WebSocket socket;
    private volatile String closedBecause;

    private DevToolsConnection() {}

    static DevToolsConnection connect(URI browserWs, Duration timeout) {
        DevToolsConnection c = new DevToolsConnection();
        try {
            c.socket = Http.CLIENT.newWebSocketBuilder()
                    .connectTimeout(timeout)
                    .buildAsync(browserWs, c.new Listener())
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("cannot open DevTools WebSocket " + browserWs, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while opening " + browserWs, e);
        }
        return c;
    }

    void listen(String sessionId, Consumer<DevToolsEvent> listener) {
        listeners.put(sessionId, listener);
    }

    void unlisten(String sessionId) {
        listeners.remove(sessionId);
    }

    /** Sends a command; the future completes with its {@code result} or fails with an AssertionError. */
    CompletableFuture<Map<String, Object>> send(String sessionId, String method, Map<String, ?> params) {
        long id = ids.incrementAndGet();
        CompletableFuture<Map<String, Object>> reply = new CompletableFuture<>();
        Map<String, Object> msg = new LinkedHashMap<>();
        msg.put("id", id);
        msg.put("method", method);
        msg.put("params", params);
        if (!sessionId.equals(BROWSER)) {
            msg.put("sessionId", sessionId);
        }
        pending.put(id, new Pending(method, reply));
        String closed = closedBecause;
        if (closed != null) {
            pending.remove(id);
            reply.completeExceptionally(new AssertionError("DevTools connection closed (" + closed
                    + "), cannot send " + method));
            return reply;
        }
        // java.net.http.WebSocket allows one outstanding send at a time.
        try {
            synchronized (sendLock) {
                socket.sendText(Json.write(msg), true).join();
            }
        } catch (java.util.concurrent.CompletionException e) {
            pending.remove(id);
            reply.completeExceptionally(new AssertionError("cannot send " + method, e.getCause()));
        }
        return reply;
    }

    /** Sends a command and waits for its result. */
    Map<String, Object> call(String sessionId, String method, Map<String, ?> params, Duration timeout) {
        CompletableFuture<Map<String, Object>> reply = send(sessionId, method, params);
        return await(reply, method, timeout);
    }

    static <T> T await(CompletableFuture<T> future, String what, Duration timeout) {
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(false);
            throw new AssertionError(what + " timed out after " + timeout);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AssertionError a) {
                throw new AssertionError(a.getMessage(), a);
            }
            throw new AssertionError(what + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + what, e);
        }
    }

    boolean isOpen() {
        return closedBecause == null;
    }

    @Override
    public void close() {
        closed("closed by the client");
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
    }

    private void closed(String why) {
        if (closedBecause == null) {
            closedBecause = why;
        }
        for (Long id : pending.keySet()) {
            Pending p = pending.remove(id);
            if (p != null) {
                p.reply.completeExceptionally(new AssertionError(
                        "DevTools connection closed (" + why + ") before " + p.method + " replied"));
            }
        }
    }

    private void dispatch(String text) {
        Map<String, Object> msg = Json.object(Json.parse(text));
        Object id = msg.get("id");
        if (id instanceof Long n) {
            Pending p = pending.remove(n);
            if (p == null) {
                return; // timed out and abandoned
            }
            Object error = msg.get("error");
            if (error != null) {
                p.reply.completeExceptionally(
                        new AssertionError("DevTools " + p.method + " failed: " + Json.write(error)));
            } else {
                Object result = msg.get("result");
                p.reply.complete(result == null ? Map.of() : Json.object(result));
            }
            return;
        }
        String method = (String) msg.get("method");
        if (method == null) {
            return;
        }
        Object session = msg.get("sessionId");
        Consumer<DevToolsEvent> l = listeners.get(session == null ? BROWSER : (String) session);
        if (l != null) {
            Object params = msg.get("params");
            l.accept(new DevToolsEvent(method, params == null ? Map.of() : Json.object(params)));
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    dispatch(text);
                } catch (RuntimeException e) {
                    System.err.println("DevTools: cannot handle message: " + e + ": "
                            + text.substring(0, Math.min(200, text.length())));
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed("WebSocket closed " + statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed("WebSocket error " + error);
        }
    }
}
