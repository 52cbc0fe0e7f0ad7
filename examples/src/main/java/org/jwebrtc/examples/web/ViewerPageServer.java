package org.jwebrtc.examples.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.jwebrtc.examples.JsonOut;
import org.jwebrtc.signaling.kvs.IceServer;

/**
 * Serves the browser viewer: our own page and script (the browser's RTCPeerConnection speaking KVS signaling) and
 * {@code /api/viewer}, which hands each page load a fresh {@link ViewerTicket}. The JDK's HTTP server is enough
 * for three resources on localhost; it keeps the examples free of a web framework.
 */
public final class ViewerPageServer implements AutoCloseable {
    private static final Map<String, String> STATIC = Map.of(
            "/", "index.html",
            "/index.html", "index.html",
            "/viewer.js", "viewer.js");

    private final HttpServer server;
    private final ExecutorService executor;
    private final Supplier<ViewerTicket> tickets;

    private ViewerPageServer(HttpServer server, ExecutorService executor, Supplier<ViewerTicket> tickets) {
        this.server = server;
        this.executor = executor;
        this.tickets = tickets;
    }

    /** Starts on {@code bind} (port 0: any free port). */
    public static ViewerPageServer start(InetSocketAddress bind, Supplier<ViewerTicket> tickets) throws IOException {
        HttpServer server = HttpServer.create(bind, 16);
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "viewer-page");
            t.setDaemon(true);
            return t;
        });
        ViewerPageServer s = new ViewerPageServer(server, executor, tickets);
        server.createContext("/", s::handle);
        server.setExecutor(executor);
        server.start();
        return s;
    }

    /** The page's address, e.g. {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/");
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if (!"GET".equals(ex.getRequestMethod())) {
                send(ex, 405, "text/plain", "GET only".getBytes(StandardCharsets.UTF_8));
            } else if ("/api/viewer".equals(path)) {
                send(ex, 200, "application/json", ticketJson(tickets.get()).getBytes(StandardCharsets.UTF_8));
            } else if (STATIC.containsKey(path)) {
                String name = STATIC.get(path);
                send(ex, 200, name.endsWith(".js") ? "text/javascript" : "text/html", resource(name));
            } else {
                send(ex, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            }
        } catch (RuntimeException e) {
            send(ex, 500, "text/plain", String.valueOf(e.getMessage()).getBytes(StandardCharsets.UTF_8));
        }
    }

    static String ticketJson(ViewerTicket t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("signalingUrl", t.signalingUrl().toString());
        m.put("clientId", t.clientId());
        List<Object> servers = new ArrayList<>();
        for (IceServer s : t.iceServers()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("urls", s.uris());
            if (s.username() != null) {
                e.put("username", s.username());
                e.put("credential", s.password());
            }
            servers.add(e);
        }
        m.put("iceServers", servers);
        m.put("relayOnly", t.relayOnly());
        m.put("media", t.media());
        return JsonOut.write(m);
    }

    private static byte[] resource(String name) {
        try (InputStream in = ViewerPageServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
