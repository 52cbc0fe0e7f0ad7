package org.jwebrtc.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChromiumPageTest {
    @Test
    void convertsRemoteObjectsReturnedByValue() {
        assertThat(ChromiumPage.value(Map.of("type", "number", "value", 2L))).isEqualTo(2L);
        assertThat(ChromiumPage.value(Map.of("type", "undefined"))).isNull();
        assertThat(ChromiumPage.value(Map.of("type", "object", "value", Map.of("a", "b"))))
                .isEqualTo(Map.of("a", "b"));
    }

    @Test
    void convertsUnserializableValues() {
        assertThat(ChromiumPage.value(Map.of("unserializableValue", "NaN"))).isEqualTo(Double.NaN);
        assertThat(ChromiumPage.value(Map.of("unserializableValue", "-Infinity")))
                .isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(ChromiumPage.value(Map.of("unserializableValue", "-0"))).isEqualTo(-0.0);
        assertThat(ChromiumPage.value(Map.of("unserializableValue", "12345678901234567890n")))
                .isEqualTo(new BigInteger("12345678901234567890"));
    }

    @Test
    void describesConsoleArgumentsFromTheirPreview() {
        assertThat(ChromiumPage.describe(Map.of("type", "string", "value", "hi"))).isEqualTo("hi");
        assertThat(ChromiumPage.describe(Map.of("type", "number", "value", 7L))).isEqualTo("7");
        assertThat(ChromiumPage.describe(Map.of("type", "object", "description", "Object",
                "preview", Map.of("type", "object", "overflow", true, "properties", List.of(
                        Map.of("name", "k", "type", "number", "value", "1"),
                        Map.of("name", "s", "type", "string", "value", "x"))))))
                .isEqualTo("{k: 1, s: 'x', …}");
        assertThat(ChromiumPage.describe(Map.of("type", "undefined"))).isEqualTo("undefined");
    }

    @Test
    void prefersTheExceptionDescriptionOverTheSummary() {
        Map<String, Object> thrown = Map.of("text", "Uncaught", "lineNumber", 0L, "columnNumber", 6L,
                "exception", Map.of("type", "object", "description", "Error: boom\n    at <anonymous>:1:7"));
        assertThat(ChromiumPage.exceptionText(thrown)).startsWith("Error: boom");
        Map<String, Object> rejected = Map.of("text", "Uncaught (in promise)", "lineNumber", 0L,
                "columnNumber", 0L, "exception", Map.of("type", "string", "value", "nope"));
        assertThat(ChromiumPage.exceptionText(rejected)).isEqualTo("nope");
        assertThat(ChromiumPage.exceptionText(Map.of("text", "SyntaxError", "lineNumber", 1L,
                "columnNumber", 2L))).isEqualTo("SyntaxError at line 1:2");
    }
}
