package org.jwebrtc.signaling.kvs.server;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import org.jwebrtc.signaling.kvs.IceServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jwebrtc.signaling.kvs.SignalingException;
import org.jwebrtc.signaling.kvs.internal.JsonText;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * The KVS control plane (API 2017-09-30) and the signaling HTTPS API's GetIceServerConfig, over an in-memory
 * registry, with the paths, casing, JSON and errors the AWS SDK expects (PROTOCOL.md §1-2, captures).
 */
final class ControlPlane {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.-]{1,256}");
    private final LocalKvsConfig config;
    private final Map<String, SignalingChannelRecord> byArn = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private String httpEndpoint = "";
    private String wsEndpoint = "";

    ControlPlane(LocalKvsConfig config) {
        this.config = config;
    }

    synchronized void endpoints(String http, String ws) {
        this.httpEndpoint = http;
        this.wsEndpoint = ws;
    }

    /** Handles one operation; returns the JSON body of the 200 response. */
    synchronized String handle(String path, String body) throws KvsError {
        Map<String, JsonNode> req;
        try {
            req = body.isBlank() ? Map.of() : JsonText.object(body, "request body");
        } catch (SignalingException e) {
            throw new KvsError(400, "SerializationException", e.getMessage());
        }
        return switch (path) {
            case "/createSignalingChannel" -> create(req);
            case "/describeSignalingChannel" -> JsonText.write(Map.of("ChannelInfo", find(req).info()));
            case "/getSignalingChannelEndpoint" -> endpoint(req);
            case "/listSignalingChannels" -> list(req);
            case "/updateSignalingChannel" -> update(req);
            case "/deleteSignalingChannel" -> delete(req);
            case "/TagResource" -> tag(req);
            case "/UntagResource" -> untag(req);
            case "/ListTagsForResource" -> listTags(req);
            case "/describeMediaStorageConfiguration" -> describeStorage(req);
            case "/updateMediaStorageConfiguration" -> updateStorage(req);
            case "/v1/get-ice-server-config" -> iceServerConfig(req);
            case "/joinStorageSession", "/joinStorageSessionAsViewer" -> joinStorage(req);
            default -> throw new KvsError(404, "UnknownOperationException", "no operation at " + path);
        };
    }

    synchronized Optional<SignalingChannelRecord> byArn(String arn) {
        return Optional.ofNullable(byArn.get(arn));
    }

    private String create(Map<String, JsonNode> req) throws KvsError {
        String name = str(req, "ChannelName").orElseThrow(() -> KvsError.invalidArgument("ChannelName is required"));
        if (!NAME.matcher(name).matches()) {
            throw KvsError.invalidArgument("ChannelName must match [a-zA-Z0-9_.-]{1,256}");
        }
        for (SignalingChannelRecord c : byArn.values()) {
            if (c.name.equals(name)) {
                throw KvsError.inUse("The signaling channel " + name + " already exists");
            }
        }
        String type = str(req, "ChannelType").orElse("SINGLE_MASTER");
        if (!type.equals("SINGLE_MASTER") && !type.equals("FULL_MESH")) {
            throw KvsError.invalidArgument("ChannelType must be SINGLE_MASTER or FULL_MESH");
        }
        int ttl = ttl(req, 60);
        long created = config.clock().millis();
        String arn = "arn:aws:kinesisvideo:" + config.region() + ":" + config.accountId() + ":channel/" + name + "/"
                + created;
        SignalingChannelRecord c = new SignalingChannelRecord(name, arn, type, created, ttl, newVersion());
        putTags(c, req);
        byArn.put(arn, c);
        return JsonText.write(Map.of("ChannelARN", arn));
    }

    private String endpoint(Map<String, JsonNode> req) throws KvsError {
        SignalingChannelRecord c = find(req);
        List<String> protocols = new ArrayList<>();
        String role = "MASTER";
        JsonNode conf = req.get("SingleMasterChannelEndpointConfiguration");
        if (conf != null && conf.isObject()) {
            JsonNode p = conf.asObject().get("Protocols");
            if (p != null && p.isArray()) {
                for (JsonNode n : p.asArray()) {
                    protocols.add(n.asString());
                }
            }
            JsonNode r = conf.asObject().get("Role");
            if (r != null && r.isString()) {
                role = r.asString();
            }
        }
        if (!role.equals("MASTER") && !role.equals("VIEWER")) {
            throw KvsError.invalidArgument("Role must be MASTER or VIEWER");
        }
        if (protocols.isEmpty()) {
            protocols = List.of("WSS", "HTTPS");
        }
        List<Object> out = new ArrayList<>();
        for (String p : protocols) {
            String url = switch (p) {
                case "WSS" -> wsEndpoint;
                case "HTTPS" -> httpEndpoint;
                case "WEBRTC" -> {
                    if (!"ENABLED".equals(c.storageStatus)) {
                        throw KvsError.invalidArgument("The channel has no media storage configured");
                    }
                    yield httpEndpoint;
                }
                default -> throw KvsError.invalidArgument("Unknown protocol " + p);
            };
            out.add(Map.of("Protocol", p, "ResourceEndpoint", url));
        }
        return JsonText.write(Map.of("ResourceEndpointList", out));
    }

    private String list(Map<String, JsonNode> req) throws KvsError {
        int max = num(req, "MaxResults").orElse(10_000);
        if (max < 1 || max > 10_000) {
            throw KvsError.invalidArgument("MaxResults must be 1-10000");
        }
        int start = str(req, "NextToken").map(ControlPlane::decodeToken).orElse(0);
        String prefix = "";
        JsonNode cond = req.get("ChannelNameCondition");
        if (cond != null && cond.isObject() && cond.asObject().get("ComparisonValue") != null) {
            prefix = cond.asObject().get("ComparisonValue").asString();
        }
        List<SignalingChannelRecord> matching = new ArrayList<>();
        for (SignalingChannelRecord c : byArn.values()) {
            if (c.name.startsWith(prefix)) {
                matching.add(c);
            }
        }
        List<Object> page = new ArrayList<>();
        for (int i = start; i < matching.size() && page.size() < max; i++) {
            page.add(matching.get(i).info());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ChannelInfoList", page);
        if (start + page.size() < matching.size()) {
            out.put("NextToken", Base64.getEncoder().encodeToString(Integer.toString(start + page.size()).getBytes()));
        }
        return JsonText.write(out);
    }

    private String update(Map<String, JsonNode> req) throws KvsError {
        SignalingChannelRecord c = find(req);
        checkVersion(c, str(req, "CurrentVersion")
                .orElseThrow(() -> KvsError.invalidArgument("CurrentVersion is required")));
        c.messageTtlSeconds = ttl(req, c.messageTtlSeconds);
        c.version = newVersion();
        return "{}";
    }

    private String delete(Map<String, JsonNode> req) throws KvsError {
        SignalingChannelRecord c = find(req);
        Optional<String> v = str(req, "CurrentVersion");
        if (v.isPresent()) {
            checkVersion(c, v.get());
        }
        byArn.remove(c.arn);
        return "{}";
    }

    private String tag(Map<String, JsonNode> req) throws KvsError {
        SignalingChannelRecord c = resource(req);
        putTags(c, req);
        return "{}";
    }

    private String untag(Map<String, JsonNode> req) throws KvsError {
        SignalingChannelRecord c = resource(req);
        JsonNode keys = req.get("TagKeyList");
        if (keys != null && keys.isArray()) {
            for (JsonNode k : keys.asArray()) {
                c.tags.remove(k.asString());
            }
        }
        return "{}";
    }

    private String listTags(Map<String, JsonNode> req) throws KvsError {
        SignalingChannelRecord c = resource(req);
        return JsonText.write(Map.of("Tags", new LinkedHashMap<String, Object>(c.tags)));
    }

    private String describeStorage(Map<String, JsonNode> req) throws KvsError {
        SignalingChannelRecord c = find(req);
        Map<String, Object> conf = new LinkedHashMap<>();
        conf.put("StreamARN", c.storageStreamArn);
        conf.put("Status", c.storageStatus);
        return JsonText.write(Map.of("MediaStorageConfiguration", conf));
    }

    private String updateStorage(Map<String, JsonNode> req) throws KvsError {
        SignalingChannelRecord c = find(req);
        JsonNode conf = req.get("MediaStorageConfiguration");
        if (conf == null || !conf.isObject()) {
            throw KvsError.invalidArgument("MediaStorageConfiguration is required");
        }
        Map<String, JsonNode> m = conf.asObject();
        String status = m.get("Status") == null ? null : m.get("Status").asString();
        if (!"ENABLED".equals(status) && !"DISABLED".equals(status)) {
            throw KvsError.invalidArgument("Status must be ENABLED or DISABLED");
        }
        c.storageStatus = status;
        c.storageStreamArn = m.get("StreamARN") == null ? null : m.get("StreamARN").asString();
        return "{}";
    }

    private String iceServerConfig(Map<String, JsonNode> req) throws KvsError {
        find(req);
        String service = str(req, "Service").orElse("TURN");
        if (!service.equals("TURN")) {
            throw KvsError.invalidArgument("Service must be TURN");
        }
        List<Object> list = new ArrayList<>();
        if (!config.turnUris().isEmpty() && config.turnSharedSecret().isPresent()) {
            Optional<String> clientId = str(req, "ClientId");
            String user = clientId.isPresent() ? clientId.get() : str(req, "Username").orElse("master");
            IceServer s = TurnRestCredentials.issue(config.turnUris(), config.turnSharedSecret().get(), user,
                    config.clock().instant(), config.iceServerTtl());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("Password", s.password());
            m.put("Ttl", s.ttlSeconds());
            m.put("Uris", s.uris());
            m.put("Username", s.username());
            list.add(m);
        }
        return JsonText.write(Map.of("IceServerList", list));
    }

    /** WebRTC Storage API: camelCase {@code channelArn}. There is no storage peer here, so it only validates. */
    private String joinStorage(Map<String, JsonNode> req) throws KvsError {
        String arn = str(req, "channelArn").orElseThrow(() -> KvsError.invalidArgument("channelArn is required"));
        SignalingChannelRecord c = byArn.get(arn);
        if (c == null) {
            throw KvsError.notFound("The requested channel is not found or not active.");
        }
        if (!"ENABLED".equals(c.storageStatus)) {
            throw KvsError.invalidArgument("The channel has no media storage configured");
        }
        return "";
    }

    private SignalingChannelRecord find(Map<String, JsonNode> req) throws KvsError {
        Optional<String> arn = str(req, "ChannelARN");
        Optional<String> name = str(req, "ChannelName");
        for (SignalingChannelRecord c : byArn.values()) {
            if (arn.map(c.arn::equals).orElse(false) || name.map(c.name::equals).orElse(false)) {
                return c;
            }
        }
        if (arn.isEmpty() && name.isEmpty()) {
            throw KvsError.invalidArgument("ChannelName or ChannelARN is required");
        }
        throw KvsError.notFound("The requested channel is not found or not active.");
    }

    private SignalingChannelRecord resource(Map<String, JsonNode> req) throws KvsError {
        String arn = str(req, "ResourceARN").orElseThrow(() -> KvsError.invalidArgument("ResourceARN is required"));
        SignalingChannelRecord c = byArn.get(arn);
        if (c == null) {
            throw KvsError.notFound("The requested channel is not found or not active.");
        }
        return c;
    }

    private void putTags(SignalingChannelRecord c, Map<String, JsonNode> req) throws KvsError {
        JsonNode tags = req.get("Tags");
        if (tags == null || !tags.isArray()) {
            return;
        }
        for (JsonNode t : tags.asArray()) {
            Map<String, JsonNode> kv = t.asObject();
            if (kv.get("Key") == null) {
                throw KvsError.invalidArgument("Tag without Key");
            }
            c.tags.put(kv.get("Key").asString(), kv.get("Value") == null ? "" : kv.get("Value").asString());
        }
        if (c.tags.size() > 50) {
            throw new KvsError(400, "TagsPerResourceExceededLimitException", "More than 50 tags");
        }
    }

    private static void checkVersion(SignalingChannelRecord c, String version) throws KvsError {
        if (!c.version.equals(version)) {
            throw new KvsError(400, "VersionMismatchException",
                    "The version " + version + " does not match the channel's current version");
        }
    }

    private int ttl(Map<String, JsonNode> req, int dflt) throws KvsError {
        JsonNode conf = req.get("SingleMasterConfiguration");
        if (conf == null || !conf.isObject() || conf.asObject().get("MessageTtlSeconds") == null) {
            return dflt;
        }
        int ttl = Integer.parseInt(conf.asObject().get("MessageTtlSeconds").asNumber());
        if (ttl < 5 || ttl > 120) {
            throw KvsError.invalidArgument("MessageTtlSeconds must be 5-120");
        }
        return ttl;
    }

    private String newVersion() {
        byte[] b = new byte[15];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b).replace('-', 'x').replace('_', 'y');
    }

    private static Optional<String> str(Map<String, JsonNode> req, String key) throws KvsError {
        JsonNode n = req.get(key);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isString()) {
            throw KvsError.invalidArgument(key + " must be a string");
        }
        return Optional.of(n.asString());
    }

    private static Optional<Integer> num(Map<String, JsonNode> req, String key) throws KvsError {
        JsonNode n = req.get(key);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(n.asNumber()));
        } catch (RuntimeException e) {
            throw KvsError.invalidArgument(key + " must be an integer");
        }
    }

    private static int decodeToken(String token) {
        try {
            return Integer.parseInt(new String(Base64.getDecoder().decode(token)));
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
