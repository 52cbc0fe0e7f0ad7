package org.jwebrtc.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalWebServerTest {
    private final HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();

    @Test
    void servesTheMapOnLoopbackWithContentTypes() throws Exception {
        try (LocalWebServer web = LocalWebServer.start(
                Map.of("/index.html", "<p>é</p>", "/app.js", "let x = 1;"))) {
            assertThat(web.uri("/app.js").getHost()).isEqualTo("127.0.0.1");
            HttpResponse<String> page = get(web, "/");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).isEqualTo("<p>é</p>");
            assertThat(page.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
            HttpResponse<String> js = get(web, "/app.js");
            assertThat(js.headers().firstValue("content-type")).hasValue("text/javascript; charset=utf-8");
            assertThat(web.requests()).containsExactly("GET / 200", "GET /app.js 200");
        }
    }

    @Test
    void answers404ForUnknownPathsAndServesLaterPuts() throws Exception {
        try (LocalWebServer web = LocalWebServer.start(Map.of())) {
            assertThat(get(web, "/late.json").statusCode()).isEqualTo(404);
            web.put("/late.json", "{}");
            HttpResponse<String> r = get(web, "/late.json");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
        }
    }

    @Test
    void refusesOtherMethods() throws Exception {
        try (LocalWebServer web = LocalWebServer.start(Map.of("/a.txt", "a"))) {
            HttpRequest post = HttpRequest.newBuilder(web.uri("/a.txt"))
                    .POST(HttpRequest.BodyPublishers.ofString("x")).build();
            assertThat(http.send(post, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
        }
    }

    private HttpResponse<String> get(LocalWebServer web, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(web.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
