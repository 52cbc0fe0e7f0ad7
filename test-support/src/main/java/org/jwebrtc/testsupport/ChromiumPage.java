package org.jwebrtc.testsupport;

import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One tab of a {@link Chromium}, attached with a flattened DevTools session. Page and Runtime
 * domains are enabled, so console calls and uncaught exceptions are collected in {@link #console()}
 * for diagnostics. Thread-safe, but one test thread per page is the intended use.
 */
public final class ChromiumPage implements AutoCloseable {
    private final DevToolsConnection devTools;
    private final Duration timeout;
    private final String targetId;
    private final String sessionId;
    private final List<String> console = new CopyOnWriteArrayList<>();
    /** Main-frame loads by loaderId; filled by whichever comes first, the event or navigate(). */
    private final Map<String, CompletableFuture<Void>> loads = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> crashed = new CompletableFuture<>();
    private volatile String mainFrameId;

    private ChromiumPage(DevToolsConnection devTools, Duration timeout, String targetId,
                         String sessionId) {
        this.devTools = devTools;
        this.timeout = timeout;
        this.targetId = targetId;
        this.sessionId = sessionId;
    }

    static ChromiumPage open(DevToolsConnection devTools, Duration timeout) {
        String targetId = (String) devTools.call(DevToolsConnection.BROWSER, "Target.createTarget",
                Map.of("url", "about:blank"), timeout).get("targetId");
        String sessionId = (String) devTools.call(DevToolsConnection.BROWSER,
                "Target.attachToTarget", Map.of("targetId", targetId, "flatten", true), timeout)
                .get("sessionId");
        ChromiumPage page = new ChromiumPage(devTools, timeout, targetId, sessionId);
        devTools.listen(sessionId, page::onEvent);
        page.call("Page.enable", Map.of());
        // Lifecycle events carry the loaderId that Page.navigate returns, so a late load event of
        // the initial about:blank cannot be mistaken for the navigation's (Page.loadEventFired has
        // no id).
        page.call("Page.setLifecycleEventsEnabled", Map.of("enabled", true));
        page.call("Runtime.enable", Map.of());
        Map<String, Object> tree = Json.object(page.call("Page.getFrameTree", Map.of()).get("frameTree"));
        page.mainFrameId = (String) Json.object(tree.get("frame")).get("id");
        return page;
    }

    /** Navigates the tab and waits for the page's load event; fails on a network error. */
    public void navigate(URI url) {
        navigate(url.toString());
    }

    public void navigate(String url) {
        Map<String, Object> r = call("Page.navigate", Map.of("url", url));
        Object error = r.get("errorText");
        if (error != null && !error.toString().isEmpty()) {
            throw new AssertionError("navigation to " + url + " failed: " + error + diagnostics());
        }
        Object loaderId = r.get("loaderId");
        if (loaderId == null) {
            return; // same-document navigation (fragment): no new load
        }
        CompletableFuture<Void> load = loads.computeIfAbsent((String) loaderId,
                k -> new CompletableFuture<>());
        try {
            DevToolsConnection.await(CompletableFuture.anyOf(load, crashed), "load of " + url, timeout);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + diagnostics(), e);
        }
        loads.remove(loaderId);
    }

    /** Replaces the document with {@code html}, without a server (the origin stays about:blank). */
    public void setContent(String html) {
        call("Page.setDocumentContent", Map.of("frameId", mainFrameId, "html", html));
    }

    /**
     * Evaluates a JavaScript expression in the page; a promise is awaited. Returns the value as Json
     * gives it (Long/Double/String/Boolean/Map/List, null for null and undefined; NaN and ±Infinity
     * as Double, BigInt as BigInteger). A thrown exception or rejected promise becomes an
     * AssertionError with the JavaScript exception text and the console so far.
     */
    public Object evaluate(String expression) {
        return evaluate(expression, timeout);
    }

    public Object evaluate(String expression, Duration timeout) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("expression", expression);
        params.put("awaitPromise", true);
        params.put("returnByValue", true);
        params.put("userGesture", true);
        Map<String, Object> r;
        try {
            r = DevToolsConnection.await(devTools.send(sessionId, "Runtime.evaluate", params),
                    "evaluate " + abbreviate(expression), timeout);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + diagnostics(), e);
        }
        Object details = r.get("exceptionDetails");
        if (details != null) {
            throw new AssertionError("JavaScript exception: " + exceptionText(Json.object(details))
                    + "\nin: " + abbreviate(expression) + diagnostics());
        }
        return value(Json.object(r.get("result")));
    }

    /**
     * Polls a JavaScript condition (it may return a promise) every 50 ms until it is truthy, e.g.
     * {@code page.waitFor("pc.connectionState === 'connected'", Duration.ofSeconds(10))}.
     */
    public void waitFor(String condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String expression = "(async () => !!(await (" + condition + ")))()";
        while (true) {
            // each check gets the page's command timeout: a slow check is not a false one
            if (Boolean.TRUE.equals(evaluate(expression))) {
                return;
            }
            if (deadline - System.nanoTime() <= 0) {
                throw new AssertionError("still false after " + timeout + ": " + abbreviate(condition)
                        + diagnostics());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + abbreviate(condition), e);
            }
        }
    }

    /** A PNG of the viewport. */
    public byte[] screenshot() {
        String data = (String) call("Page.captureScreenshot", Map.of("format", "png")).get("data");
        return Base64.getDecoder().decode(data);
    }

    /**
     * Console messages ({@code console.log} etc., as "type: args") and uncaught exceptions (as
     * "uncaught: text"), in arrival order.
     */
    public List<String> console() {
        return List.copyOf(console);
    }

    /** Sends any DevTools command to this page's session and returns its result. */
    public Map<String, Object> call(String method, Map<String, ?> params) {
        return devTools.call(sessionId, method, params, timeout);
    }

    public String targetId() {
        return targetId;
    }

    /** Closes the tab. */
    @Override
    public void close() {
        devTools.unlisten(sessionId);
        if (devTools.isOpen()) {
            devTools.send(DevToolsConnection.BROWSER, "Target.closeTarget", Map.of("targetId", targetId));
        }
    }

    private void onEvent(DevToolsEvent e) {
        Map<String, Object> p = e.params();
        switch (e.method()) {
            case "Page.lifecycleEvent" -> {
                if ("load".equals(p.get("name")) && Objects.equals(p.get("frameId"), mainFrameId)) {
                    loads.computeIfAbsent((String) p.get("loaderId"), k -> new CompletableFuture<>())
                            .complete(null);
                }
            }
            case "Runtime.consoleAPICalled" -> {
                List<String> args = new ArrayList<>();
                for (Object a : Json.array(p.get("args"))) {
                    args.add(describe(Json.object(a)));
                }
                console.add(p.get("type") + ": " + String.join(" ", args));
            }
            case "Runtime.exceptionThrown" ->
                console.add("uncaught: " + exceptionText(Json.object(p.get("exceptionDetails"))));
            case "Inspector.targetCrashed" -> {
                console.add("target crashed");
                crashed.completeExceptionally(new AssertionError("the page crashed"));
            }
            default -> { }
        }
    }

    private String diagnostics() {
        List<String> lines = console();
        if (lines.isEmpty()) {
            return "";
        }
        return "\nconsole:\n  " + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 40),
                lines.size()));
    }

    /** A Runtime.RemoteObject returned by value, as a Java object. */
    static Object value(Map<String, Object> remote) {
        Object unserializable = remote.get("unserializableValue");
        if (unserializable instanceof String u) {
            return switch (u) {
                case "NaN" -> Double.NaN;
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                case "-0" -> -0.0;
                default -> u.endsWith("n") ? new BigInteger(u.substring(0, u.length() - 1)) : u;
            };
        }
        return remote.get("value"); // absent for undefined
    }

    /** A console argument as text; objects are shown from their preview, e.g. {@code {k: 1}}. */
    static String describe(Map<String, Object> remote) {
        if (remote.containsKey("value")) {
            Object v = remote.get("value");
            return v instanceof String s ? s : Json.write(v);
        }
        if (remote.get("preview") instanceof Map<?, ?> preview) {
            return preview(Json.object(preview));
        }
        Object d = remote.containsKey("description") ? remote.get("description")
                : remote.get("unserializableValue");
        return d != null ? d.toString() : String.valueOf(remote.get("type"));
    }

    private static String preview(Map<String, Object> preview) {
        boolean array = "array".equals(preview.get("subtype"));
        List<String> parts = new ArrayList<>();
        Object props = preview.get("properties");
        for (Object o : props == null ? List.of() : Json.array(props)) {
            Map<String, Object> p = Json.object(o);
            Object v = p.get("value");
            String text = "string".equals(p.get("type")) ? "'" + v + "'" : String.valueOf(v);
            parts.add(array ? text : p.get("name") + ": " + text);
        }
        if (Boolean.TRUE.equals(preview.get("overflow"))) {
            parts.add("…");
        }
        String body = String.join(", ", parts);
        return array ? "[" + body + "]" : "{" + body + "}";
    }

    /** The exception's description (message and stack) if there is one, else the summary text. */
    static String exceptionText(Map<String, Object> details) {
        Object ex = details.get("exception");
        if (ex != null) {
            Map<String, Object> e = Json.object(ex);
            if (e.get("description") instanceof String d) {
                return d;
            }
            if (e.containsKey("value")) {
                return String.valueOf(e.get("value")); // e.g. a rejected promise with a string
            }
        }
        return details.get("text") + " at line " + details.get("lineNumber") + ":"
                + details.get("columnNumber");
    }

    private static String abbreviate(String s) {
        String one = s.strip().replace('\n', ' ');
        return one.length() <= 80 ? one : one.substring(0, 77) + "...";
    }
}
