module org.jwebrtc.testsupport {
    requires transitive org.junit.jupiter.api;
    requires java.net.http;
    requires jdk.httpserver;
    exports org.jwebrtc.testsupport;
}
