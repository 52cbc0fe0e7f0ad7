package org.jwebrtc.sdp;

import java.util.List;
import org.jwebrtc.sdp.internal.Check;

/**
 * {@code a=simulcast:<send|recv> <streams> [SP <recv|send> <streams>]} (RFC 8853 §5.1). Streams
 * are {@code ;}-separated; each stream is a {@code ,}-separated list of alternative rids, a
 * {@code ~} prefix marks a paused one. Directions keep their written order.
 */
public record Simulcast(List<Streams> directions) implements Attribute {
    public Simulcast {
        directions = Check.list(directions, "simulcast directions");
        if (directions.isEmpty() || directions.size() > 2
                || (directions.size() == 2 && directions.get(0).direction() == directions.get(1).direction())) {
            throw new IllegalArgumentException("simulcast needs send and/or recv, each at most once");
        }
    }

    /** One direction: its streams, each a non-empty list of alternatives. */
    public record Streams(RidDirection direction, List<List<Id>> streams) {
        public Streams {
            if (direction == null) {
                throw new IllegalArgumentException("direction must not be null");
            }
            streams = Check.list(streams, "streams");
            if (streams.isEmpty()) {
                throw new IllegalArgumentException("simulcast direction needs at least one stream");
            }
            streams = streams.stream().map(a -> {
                List<Id> alt = Check.list(a, "alternatives");
                if (alt.isEmpty()) {
                    throw new IllegalArgumentException("empty alternative list");
                }
                return alt;
            }).toList();
        }
    }

    /** {@code sc-id = [~] rid-id}. */
    public record Id(String rid, boolean paused) {
        public Id {
            new Rid(rid, RidDirection.SEND);   // same rid-id grammar (RFC 8851 §10)
        }
    }

    /** Streams of one direction; empty when the direction is absent. */
    public List<List<Id>> streams(RidDirection d) {
        for (Streams s : directions) {
            if (s.direction() == d) {
                return s.streams();
            }
        }
        return List.of();
    }

    public List<List<Id>> send() {
        return streams(RidDirection.SEND);
    }

    public List<List<Id>> recv() {
        return streams(RidDirection.RECV);
    }

    @Override
    public String attributeName() {
        return "simulcast";
    }

    @Override
    public void appendTo(StringBuilder sb) {
        sb.append("simulcast:");
        for (int d = 0; d < directions.size(); d++) {
            Streams s = directions.get(d);
            if (d > 0) {
                sb.append(' ');
            }
            sb.append(s.direction().token()).append(' ');
            for (int i = 0; i < s.streams().size(); i++) {
                if (i > 0) {
                    sb.append(';');
                }
                List<Id> alt = s.streams().get(i);
                for (int j = 0; j < alt.size(); j++) {
                    if (j > 0) {
                        sb.append(',');
                    }
                    if (alt.get(j).paused()) {
                        sb.append('~');
                    }
                    sb.append(alt.get(j).rid());
                }
            }
        }
    }
}
