package org.jwebrtc.signaling.kvs.server;

import java.util.LinkedHashMap;
import java.util.Map;

/** A signaling channel as the local control plane keeps it. Guarded by the registry's lock. */
final class SignalingChannelRecord {
    final String name;
    final String arn;
    final String type;
    final long creationMillis;
    String status = "ACTIVE";
    int messageTtlSeconds;
    String version;
    final Map<String, String> tags = new LinkedHashMap<>();
    String storageStreamArn;
    String storageStatus = "DISABLED";

    SignalingChannelRecord(String name, String arn, String type, long creationMillis, int ttl, String version) {
        this.name = name;
        this.arn = arn;
        this.type = type;
        this.creationMillis = creationMillis;
        this.messageTtlSeconds = ttl;
        this.version = version;
    }

    Map<String, Object> info() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ChannelName", name);
        m.put("ChannelARN", arn);
        m.put("ChannelType", type);
        m.put("ChannelStatus", status);
        m.put("CreationTime", new EpochSeconds(creationMillis));
        m.put("SingleMasterConfiguration", Map.of("MessageTtlSeconds", messageTtlSeconds));
        m.put("Version", version);
        return m;
    }

    /** CreationTime is epoch seconds as a JSON number, fractions allowed (PROTOCOL.md §1). */
    record EpochSeconds(long millis) implements org.jwebrtc.signaling.kvs.internal.JsonText.RawNumber {
        @Override
        public String text() {
            return millis % 1000 == 0 ? Long.toString(millis / 1000)
                    : String.format(java.util.Locale.ROOT, "%d.%03d", millis / 1000, millis % 1000);
        }
    }
}
