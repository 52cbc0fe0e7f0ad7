package org.jwebrtc.peerconnection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** RTCStatsReport: stats objects by id (W3C webrtc §8.3). */
public record StatsReport(Map<String, RtcStats> stats) {
    public StatsReport {
        stats = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stats));
    }

    public List<RtcStats> ofType(String type) {
        List<RtcStats> out = new ArrayList<>();
        for (RtcStats s : stats.values()) {
            if (s.type().equals(type)) {
                out.add(s);
            }
        }
        return out;
    }

    public Optional<RtcStats> get(String id) {
        return Optional.ofNullable(stats.get(id));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (RtcStats s : stats.values()) {
            sb.append(s.id()).append(' ').append(s.type()).append(' ').append(s.members()).append('\n');
        }
        return sb.toString();
    }
}
