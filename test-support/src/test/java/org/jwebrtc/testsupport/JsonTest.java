package org.jwebrtc.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void readsNestedValues() {
        Object v = Json.parse("{\"a\":[1,2.5,\"x\\n\\u0041\"],\"b\":{\"c\":true,\"d\":null}}");
        Map<String, Object> m = Json.object(v);
        assertThat(Json.array(m.get("a"))).containsExactly(1L, 2.5, "x\nA");
        assertThat(Json.object(m.get("b"))).containsEntry("c", true).containsEntry("d", null);
    }

    @Test
    void writesWhatItReads() {
        String text = "{\"k\":[1,\"q\\\"\",false,null,{}]}";
        assertThat(Json.write(Json.parse(text))).isEqualTo(text);
    }

    @Test
    void reportsTheOffsetOfBadInput() {
        assertThatThrownBy(() -> Json.parse("[1,"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("offset 3");
    }

    @Test
    void sharedVectorsAreFound() {
        assertThat(SharedFiles.vectors("README.md")).exists();
        assertThat(SharedFiles.list(SharedFiles.vectors("sdp"), ".sdp")).hasSizeGreaterThan(10);
        assertThat(Json.object(SharedFiles.json(SharedFiles.vectors("stun", "rfc5769.json")))).isNotEmpty();
    }

    @Test
    void loopbackGuardRejectsOtherAddresses() {
        assertThatThrownBy(() -> Loopback.require(new java.net.InetSocketAddress("192.0.2.1", 9)))
                .isInstanceOf(AssertionError.class);
        assertThat(Loopback.require(new java.net.InetSocketAddress(Loopback.ipv4(), 9))).isNotNull();
        assertThat(List.of(Loopback.freeUdpPort())).allMatch(p -> p > 0);
    }
}
