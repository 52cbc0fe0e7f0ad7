package org.jwebrtc.testsupport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How to start headless Chromium: a mutable builder, obtained from {@link Chromium#options()}. The
 * defaults are the flags every interop test needs; see the module README for why each one is there.
 */
public final class ChromiumOptions {
    /** Debian's launcher script; it {@code exec}s /usr/lib/chromium/chromium, so its pid is the browser's. */
    public static final Path DEFAULT_BINARY = Path.of("/usr/bin/chromium");

    /** The feature that replaces host candidate IPs by random {@code <uuid>.local} mDNS names. */
    public static final String MDNS_FEATURE = "WebRtcHideLocalIpsWithMdns";

    static final List<String> BASE_FLAGS = List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--allow-loopback-in-peer-connection",
            "--use-fake-device-for-media-stream",
            "--use-fake-ui-for-media-stream");

    private Path binary = DEFAULT_BINARY;
    private boolean hideLocalIpsWithMdns;
    private final List<String> extraFlags = new ArrayList<>();
    private final Set<String> enabledFeatures = new LinkedHashSet<>();
    private final Set<String> disabledFeatures = new LinkedHashSet<>();
    private Duration startupTimeout = Duration.ofSeconds(60);
    private Duration commandTimeout = Duration.ofSeconds(30);

    ChromiumOptions() {}

    /** Another Chromium executable (default {@link #DEFAULT_BINARY}). */
    public ChromiumOptions binary(Path binary) {
        this.binary = Objects.requireNonNull(binary);
        return this;
    }

    /**
     * Whether host candidates carry mDNS names instead of IPs (Chromium's default for web pages).
     * Default false: the launcher disables {@value #MDNS_FEATURE} so candidates show 127.0.0.1.
     */
    public ChromiumOptions hideLocalIpsWithMdns(boolean hide) {
        this.hideLocalIpsWithMdns = hide;
        return this;
    }

    /**
     * Extra command-line flags, appended after the defaults. Use {@link #enableFeature} and
     * {@link #disableFeature} rather than {@code --enable-features}/{@code --disable-features}:
     * the launcher writes each of those flags once.
     */
    public ChromiumOptions flags(String... flags) {
        for (String f : flags) {
            if (f.startsWith("--enable-features") || f.startsWith("--disable-features")) {
                throw new IllegalArgumentException("use enableFeature/disableFeature for " + f);
            }
            extraFlags.add(f);
        }
        return this;
    }

    public ChromiumOptions enableFeature(String feature) {
        enabledFeatures.add(requireName(feature));
        return this;
    }

    public ChromiumOptions disableFeature(String feature) {
        disabledFeatures.add(requireName(feature));
        return this;
    }

    /**
     * How long to wait for {@code DevToolsActivePort} (default 60 s: a cold start on a loaded
     * 2-core machine took 18 s).
     */
    public ChromiumOptions startupTimeout(Duration timeout) {
        this.startupTimeout = requirePositive(timeout);
        return this;
    }

    /** Default timeout of one DevTools command, navigation or evaluation (default 30 s). */
    public ChromiumOptions commandTimeout(Duration timeout) {
        this.commandTimeout = requirePositive(timeout);
        return this;
    }

    public Path binary() {
        return binary;
    }

    public Duration startupTimeout() {
        return startupTimeout;
    }

    public Duration commandTimeout() {
        return commandTimeout;
    }

    /** The full command line for a profile in {@code userDataDir}. */
    public List<String> commandLine(Path userDataDir) {
        List<String> cmd = new ArrayList<>();
        cmd.add(binary.toString());
        cmd.addAll(BASE_FLAGS);
        Set<String> disabled = new LinkedHashSet<>();
        if (!hideLocalIpsWithMdns) {
            disabled.add(MDNS_FEATURE);
        }
        Set<String> enabled = new LinkedHashSet<>(enabledFeatures);
        if (hideLocalIpsWithMdns) {
            enabled.add(MDNS_FEATURE);
        }
        disabled.addAll(disabledFeatures);
        for (String f : enabled) {
            if (disabled.contains(f)) {
                throw new IllegalArgumentException("feature both enabled and disabled: " + f);
            }
        }
        if (!enabled.isEmpty()) {
            cmd.add("--enable-features=" + String.join(",", enabled));
        }
        if (!disabled.isEmpty()) {
            cmd.add("--disable-features=" + String.join(",", disabled));
        }
        cmd.add("--user-data-dir=" + userDataDir);
        // Port 0: Chromium picks a free port on 127.0.0.1 and writes it to
        // <user-data-dir>/DevToolsActivePort (port, then the browser target's ws path).
        cmd.add("--remote-debugging-port=0");
        cmd.addAll(extraFlags);
        cmd.add("about:blank");
        return cmd;
    }

    private static String requireName(String feature) {
        if (feature.isEmpty() || feature.contains(",") || feature.contains(" ")) {
            throw new IllegalArgumentException("bad feature name: '" + feature + "'");
        }
        return feature;
    }

    private static Duration requirePositive(Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + d);
        }
        return d;
    }
}
