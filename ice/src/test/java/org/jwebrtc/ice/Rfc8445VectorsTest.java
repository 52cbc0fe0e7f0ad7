package org.jwebrtc.ice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.jwebrtc.testsupport.Json;
import org.jwebrtc.testsupport.SharedFiles;
import org.junit.jupiter.api.Test;

/** Priority vectors in shared/vectors/ice/rfc8445-priorities.json (RFC 8445 §5.1.2.1, §6.1.2.3). */
class Rfc8445VectorsTest {
    private static final Map<String, Object> VECTORS =
            Json.object(SharedFiles.json(SharedFiles.vectors("ice", "rfc8445-priorities.json")));

    private static long num(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).longValue();
    }

    @Test
    void candidatePriorityFormula() {
        List<Object> cases = Json.array(VECTORS.get("candidate_priority"));
        assertThat(cases).isNotEmpty();
        for (Object o : cases) {
            Map<String, Object> c = Json.object(o);
            long expected = num(c, "priority");
            int typePref = (int) num(c, "type_preference");
            int localPref = (int) num(c, "local_preference");
            int component = (int) num(c, "component_id");
            assertThat(CandidatePriority.compute(typePref, localPref, component)).as("%s", c).isEqualTo(expected);
            CandidateType type = CandidateType.fromSdpName((String) c.get("type"));
            assertThat(type.typePreference()).isEqualTo(typePref);
            assertThat(CandidatePriority.compute(type, localPref, component)).isEqualTo(expected);
        }
    }

    @Test
    void observedBrowserPrioritiesDecompose() {
        List<Object> cases = Json.array(VECTORS.get("observed_browser_priorities"));
        assertThat(cases).isNotEmpty();
        for (Object o : cases) {
            Map<String, Object> c = Json.object(o);
            long p = num(c, "priority");
            assertThat(CandidatePriority.typePreference(p)).as("%s", c.get("origin"))
                    .isEqualTo(num(c, "type_preference"));
            assertThat(CandidatePriority.localPreference(p)).isEqualTo(num(c, "local_preference"));
            assertThat(CandidatePriority.componentId(p)).isEqualTo(num(c, "component_id"));
            assertThat(CandidatePriority.compute((int) num(c, "type_preference"), (int) num(c, "local_preference"),
                    (int) num(c, "component_id"))).isEqualTo(p);
        }
    }

    @Test
    void pairPriorityFormula() {
        List<Object> cases = Json.array(VECTORS.get("pair_priority"));
        assertThat(cases).isNotEmpty();
        for (Object o : cases) {
            Map<String, Object> c = Json.object(o);
            long g = num(c, "controlling_priority_G");
            long d = num(c, "controlled_priority_D");
            long expected = Long.parseUnsignedLong(((String) c.get("pair_priority_hex")).substring(2), 16);
            assertThat(PairPriority.compute(g, d)).as("%s", c).isEqualTo(expected);
            assertThat(Long.toUnsignedString(PairPriority.compute(g, d)))
                    .isEqualTo(String.valueOf(c.get("pair_priority")));
        }
    }

    @Test
    void pairPriorityUsesUnsigned64BitArithmetic() {
        long max = CandidatePriority.MAX;
        long p = PairPriority.compute(max, max - 1);
        // 2^32*(2^31-2) + 2*(2^31-1) + 1 = 2^63 - 2^32 - 1: near the top of the range, still ordered correctly.
        assertThat(Long.toUnsignedString(p)).isEqualTo("9223372032559808511");
        assertThat(PairPriority.compareDescending(p, PairPriority.compute(1, 1))).isNegative();
        assertThat(PairPriority.compute(max, max)).isEqualTo(Long.MAX_VALUE - 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PairPriority.compute(1L << 31, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void candidatePairPriorityDependsOnRole() {
        Candidate local = Candidate.host(new java.net.InetSocketAddress("127.0.0.1", 1000), 65535);
        Candidate remote = Candidate.remote(CandidateType.SERVER_REFLEXIVE, "x", 1, 1694498815L,
                new java.net.InetSocketAddress("127.0.0.1", 2000), java.util.Optional.empty());
        assertThat(CandidatePair.priorityFor(local, remote, IceRole.CONTROLLING)).isEqualTo(0x64fffffffdffffffL);
        assertThat(CandidatePair.priorityFor(local, remote, IceRole.CONTROLLED)).isEqualTo(0x64fffffffdfffffeL);
    }
}
