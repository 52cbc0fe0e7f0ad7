package org.jwebrtc.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.jwebrtc.sctp.DataChannelEvent;
import org.jwebrtc.sctp.DataChannelManager;
import org.jwebrtc.sctp.SctpAssociation;
import org.jwebrtc.sctp.SctpConfig;
import org.jwebrtc.stun.StunBindingResponder;
import org.jwebrtc.testsupport.Chromium;
import org.jwebrtc.testsupport.ChromiumPage;
import org.jwebrtc.testsupport.Json;
import org.jwebrtc.testsupport.LocalWebServer;

/**
 * Chromium ↔ our DTLS 1.3 engine without peerconnection: a minimal ice-lite answerer (STUN
 * binding responses from the stun module) on one loopback UDP socket, {@code DtlsTransport} with
 * {@code maxVersion = DTLS_1_3} as DTLS server (a=setup:passive) or client (a=setup:active),
 * and the sctp module's association + DCEP on top, so Chromium's data channel opens and a message
 * is echoed over DTLS 1.3 application data, before and after a KeyUpdate. Run inside
 * {@code unshare -n}.
 */
class ChromiumDtls13IT {
    private static final String UFRAG = "j13u";
    private static final String PWD = "dtls13passwordforchromium";
    private static final String PAGE = """
            <!doctype html><script>
            let pc, dc;
            window.got = null;
            async function offer() {
              pc = new RTCPeerConnection();
              dc = pc.createDataChannel('x');
              dc.onopen = () => dc.send('ping from chromium');
              dc.onmessage = (e) => { window.got = e.data; };
              await pc.setLocalDescription();
              await new Promise((r) => {
                if (pc.iceGatheringState === 'complete') { r(); return; }
                pc.onicegatheringstatechange = () => { if (pc.iceGatheringState === 'complete') r(); };
              });
              return pc.localDescription.sdp;
            }
            async function answer(sdp) { await pc.setRemoteDescription({type: 'answer', sdp}); return 'ok'; }
            async function transport() {
              const report = await pc.getStats();
              let v = null;
              report.forEach((r) => { if (r.type === 'transport') {
                v = (r.dtlsState || '') + '|' + (r.tlsVersion || '') + '|' + (r.dtlsCipher || '') + '|' + (r.srtpCipher || '');
              } });
              return v;
            }
            </script>
            """;

    private DatagramSocket socket;
    private StunBindingResponder stun;
    private DtlsTransport dtls;
    private SctpAssociation sctp;
    private DataChannelManager channels;
    private InetSocketAddress peer;
    private final List<DtlsEvent> events = new ArrayList<>();
    private final List<String> echoed = new ArrayList<>();

    @ParameterizedTest
    @EnumSource(DtlsRole.class)
    void chromiumNegotiatesDtls13WithOurEngineAndADataChannelEchoes(DtlsRole role) throws Exception {
        DtlsCertificate cert = DtlsCertificate.generate();
        ExecutorService fallback = Executors.newSingleThreadExecutor();
        try (LocalWebServer web = LocalWebServer.start(Map.of("/index.html", PAGE));
             Chromium chromium = Chromium.launch(Chromium.options());
             ChromiumPage page = chromium.newPage();
             DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0))) {
            socket = s;
            page.navigate(web.uri("/index.html"));
            String offer = (String) page.evaluate("offer()", Duration.ofSeconds(30));
            Fingerprint chromeFp = Fingerprint.parse(find(offer, "a=fingerprint:(.+)"));
            String chromeUfrag = find(offer, "a=ice-ufrag:(\\S+)");

            dtls = new DtlsTransport(role, cert, chromeFp, DtlsConfig.defaults().withMaxVersion(DtlsVersion.DTLS_1_3), fallback);
            stun = new StunBindingResponder("jwebrtc-dtls13-it",
                    user -> user.equals(UFRAG + ":" + chromeUfrag) ? PWD.getBytes(StandardCharsets.UTF_8) : null);
            sctp = new SctpAssociation(SctpConfig.defaults(), new Random(1));
            channels = new DataChannelManager(sctp, role == DtlsRole.CLIENT);
            String answer = String.join("\r\n",
                    "v=0", "o=- 4611731400430051336 2 IN IP4 127.0.0.1", "s=-", "t=0 0", "a=group:BUNDLE 0",
                    "a=ice-lite", "m=application 9 UDP/DTLS/SCTP webrtc-datachannel", "c=IN IP4 127.0.0.1",
                    "a=mid:0", "a=ice-ufrag:" + UFRAG, "a=ice-pwd:" + PWD,
                    "a=fingerprint:" + cert.fingerprint().toSdp(),
                    role == DtlsRole.SERVER ? "a=setup:passive" : "a=setup:active", "a=sctp-port:5000",
                    "a=candidate:1 1 udp 2130706431 127.0.0.1 " + socket.getLocalPort() + " typ host",
                    "a=end-of-candidates", "");
            page.evaluate("answer(" + Json.write(answer) + ")", Duration.ofSeconds(30));
            dtls.start(System.nanoTime());
            socket.setSoTimeout(10);

            pump(() -> events.stream().anyMatch(e -> e instanceof DtlsEvent.Connected || e instanceof DtlsEvent.Failed),
                    Duration.ofSeconds(20));
            System.out.println(role + ": Java DTLS events: " + events);
            DtlsEvent.Connected c = (DtlsEvent.Connected) events.stream()
                    .filter(e -> e instanceof DtlsEvent.Connected).findFirst().orElseThrow();
            assertThat(dtls.negotiatedVersion()).contains(DtlsVersion.DTLS_1_3);
            assertThat(c.remoteFingerprint()).isEqualTo(chromeFp);
            assertThat(c.srtp()).isPresent();

            pump(() -> !echoed.isEmpty(), Duration.ofSeconds(20));
            assertThat(echoed).containsExactly("ping from chromium");
            String[] got = {null};
            pump(() -> {
                got[0] = (String) page.evaluate("window.got");
                return got[0] != null;
            }, Duration.ofSeconds(10));
            assertThat(got[0]).isEqualTo("echo: ping from chromium");
            // KeyUpdate (RFC 9147 §8) asking Chromium to update too, then another echo in the new epochs.
            dtls.updateKeys(true);
            page.evaluate("window.got = null; dc.send('after key update')");
            pump(() -> echoed.size() == 2, Duration.ofSeconds(20));
            assertThat(echoed).containsExactly("ping from chromium", "after key update");
            pump(() -> {
                got[0] = (String) page.evaluate("window.got");
                return got[0] != null;
            }, Duration.ofSeconds(10));
            assertThat(got[0]).isEqualTo("echo: after key update");
            String state = String.valueOf(page.evaluate("transport()", Duration.ofSeconds(5)));
            System.out.println(role + ": Chromium " + chromium.version() + " transport: " + state);
            assertThat(state).startsWith("connected|FEFC|TLS_AES_128_GCM_SHA256|");
            assertThat(dtls.stats().rejectedRecords()).isZero();
        } finally {
            fallback.shutdownNow();
        }
    }

    /** One-thread event loop: STUN, DTLS, SCTP/DCEP, timers, until {@code done} or the timeout. */
    private void pump(BooleanSupplier done, Duration timeout) throws Exception {
        byte[] buf = new byte[2048];
        long end = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() - end < 0) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
                int first = buf[0] & 0xFF;
                InetSocketAddress from = (InetSocketAddress) p.getSocketAddress();
                if (first < 2) {
                    peer = from;
                    byte[] resp = stun.respond(buf, 0, p.getLength(), from);
                    if (resp != null) {
                        socket.send(new DatagramPacket(resp, resp.length, from));
                    }
                } else if (first >= 20 && first <= 63) {
                    peer = from;
                    dtls.handleInput(System.nanoTime(), buf, 0, p.getLength());
                }
            } catch (SocketTimeoutException idle) {
                // timers below
            }
            long now = System.nanoTime();
            if (dtls.pollTimeout() - now <= 0) {
                dtls.handleTimeout(now);
            }
            if (sctp.pollTimeout() - now <= 0) {
                sctp.handleTimeout(now);
            }
            for (DtlsEvent e; (e = dtls.pollEvent()) != null; ) {
                events.add(e);
                if (e instanceof DtlsEvent.Connected) {
                    sctp.connect(now);
                } else if (e instanceof DtlsEvent.ApplicationData a) {
                    sctp.handleInput(now, a.data(), 0, a.data().length);
                }
            }
            for (DataChannelEvent e; (e = channels.pollEvent()) != null; ) {
                if (e instanceof DataChannelEvent.Message m && !m.binary()) {
                    String text = new String(m.data(), StandardCharsets.UTF_8);
                    echoed.add(text);
                    channels.send(m.channelId(), "echo: " + text);
                }
            }
            if (dtls.isConnected()) {
                for (byte[] d; (d = sctp.pollTransmit()) != null; ) {
                    dtls.send(d, 0, d.length);
                }
            }
            // Our ClientHello waits in the transport until Chromium's first ICE check shows where to send.
            for (byte[] d; peer != null && (d = dtls.pollTransmit()) != null; ) {
                socket.send(new DatagramPacket(d, d.length, peer));
            }
        }
    }

    private static String find(String sdp, String regex) {
        Matcher m = Pattern.compile(regex).matcher(sdp);
        if (!m.find()) {
            throw new AssertionError("no " + regex + " in " + sdp);
        }
        return m.group(1).trim();
    }
}
