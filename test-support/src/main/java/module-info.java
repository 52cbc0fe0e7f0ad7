module org.jwebrtc.testsupport {
    requires transitive org.junit.jupiter.api;
    requires java.net.http;
    exports org.jwebrtc.testsupport;
}
