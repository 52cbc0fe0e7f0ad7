package org.jwebrtc.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jwebrtc.testsupport.Json;
import org.jwebrtc.testsupport.SharedFiles;
import org.junit.jupiter.api.Test;

/**
 * SDP offers/answers and trickled candidates found in the KVS signaling captures
 * (shared/kvs/captures, decoded payloads): all parse, round-trip, and the candidates re-write
 * to the exact text the browser SDK sent.
 */
class KvsCapturesTest {

    @Test
    void everyCapturedSdpAndCandidateParses() throws Exception {
        List<String> sdps = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SharedFiles.kvs("captures"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (!line.isBlank()) {
                        collect(Json.parse(line), sdps, candidates);
                    }
                }
            }
        }
        assertThat(sdps).isNotEmpty();
        assertThat(candidates).isNotEmpty();
        for (String text : sdps) {
            SessionDescription sd = Sdp.parse(text, Sdp.Mode.STRICT);
            assertThat(sd.write()).isEqualTo(text);
            assertThat(sd.bundleGroup()).isPresent();
            for (MediaDescription m : sd.media()) {
                assertThat(m.mid()).isPresent();
            }
        }
        for (String c : candidates) {
            assertThat(Candidate.parse(c).toString()).isEqualTo(c);
        }
    }

    private static void collect(Object node, List<String> sdps, List<String> candidates) {
        if (node instanceof Map<?, ?> map) {
            if (map.get("sdp") instanceof String s && s.startsWith("v=0")) {
                sdps.add(s);
            }
            if (map.get("candidate") instanceof String c && c.startsWith("candidate:")) {
                candidates.add(c);
            }
            for (Object v : map.values()) {
                collect(v, sdps, candidates);
            }
        } else if (node instanceof List<?> list) {
            for (Object v : list) {
                collect(v, sdps, candidates);
            }
        }
    }
}
