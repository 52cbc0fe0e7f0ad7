package org.jwebrtc.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A static web server on 127.0.0.1 (ephemeral port) serving a map of path → content, so a test can
 * hand Chromium a page without files on disk. {@code http://127.0.0.1} is a secure context, so
 * getUserMedia and friends work. Content types follow the extension. Thread-safe.
 *
 * <pre>{@code
 * try (LocalWebServer web = LocalWebServer.start(Map.of("/index.html", "<script src=app.js></script>",
 *                                                      "/app.js", "window.ready = true"))) {
 *     page.navigate(web.uri("/index.html"));
 * }
 * }</pre>
 */
public final class LocalWebServer implements AutoCloseable {
    private record Resource(byte[] body, String contentType) {}

    private final HttpServer server;
    private final Map<String, Resource> files = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private LocalWebServer(HttpServer server) {
        this.server = server;
    }

    /** Starts serving {@code files} (paths start with '/'; "/" alone serves "/index.html"). */
    public static LocalWebServer start(Map<String, String> files) {
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(Loopback.ipv4(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LocalWebServer web = new LocalWebServer(http);
        files.forEach(web::put);
        http.createContext("/", web::handle);
        http.start();
        return web;
    }

    /** Adds or replaces a text file; the content type comes from the extension. */
    public void put(String path, String content) {
        put(path, content.getBytes(StandardCharsets.UTF_8), contentType(path));
    }

    public void put(String path, byte[] body, String contentType) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + path);
        }
        files.put(path, new Resource(body.clone(), contentType));
    }

    /** {@code http://127.0.0.1:<port><path>} */
    public URI uri(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + path);
        }
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** "METHOD path status" of every request so far, for diagnostics. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static String contentType(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        int dot = p.lastIndexOf('.');
        String ext = dot < 0 ? "" : p.substring(dot + 1);
        return switch (ext) {
            case "html", "htm" -> "text/html; charset=utf-8";
            case "js", "mjs" -> "text/javascript; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "json" -> "application/json";
            case "svg" -> "image/svg+xml";
            case "png" -> "image/png";
            case "txt" -> "text/plain; charset=utf-8";
            default -> "application/octet-stream";
        };
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            Resource r = files.get("/".equals(path) ? "/index.html" : path);
            int status;
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                status = 405;
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(status, -1);
            } else if (r == null) {
                status = 404;
                byte[] body = ("not found: " + path).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                send(exchange, status, body, method);
            } else {
                status = 200;
                exchange.getResponseHeaders().set("Content-Type", r.contentType());
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                send(exchange, status, r.body(), method);
            }
            requests.add(method + " " + path + " " + status);
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body, String method)
            throws IOException {
        if ("HEAD".equals(method)) {
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
