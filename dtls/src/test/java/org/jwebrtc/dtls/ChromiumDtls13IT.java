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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.jwebrtc.stun.StunBindingResponder;
import org.jwebrtc.testsupport.Chromium;
import org.jwebrtc.testsupport.ChromiumPage;
import org.jwebrtc.testsupport.Json;
import org.jwebrtc.testsupport.LocalWebServer;

/**
 * Chromium ↔ our DTLS 1.3 engine without peerconnection: a minimal ice-lite answerer (STUN
 * binding responses from the stun module) on one loopback UDP socket, {@code DtlsTransport} with
 * {@code maxVersion = DTLS_1_3} as DTLS server (a=setup:passive) or client (a=setup:active).
 * SCTP is not answered: the
 * test ends when both sides report the DTLS transport connected. Run inside {@code unshare -n}.
 */
class ChromiumDtls13IT {
    private static final String UFRAG = "j13u";
    private static final String PWD = "dtls13passwordforchromium";
    private static final String PAGE = """
            <!doctype html><script>
            let pc;
            async function offer() {
              pc = new RTCPeerConnection();
              pc.createDataChannel('x');
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

    @ParameterizedTest
    @EnumSource(DtlsRole.class)
    void chromiumNegotiatesDtls13WithOurEngine(DtlsRole role) throws Exception {
        DtlsCertificate cert = DtlsCertificate.generate();
        ExecutorService fallback = Executors.newSingleThreadExecutor();
        try (LocalWebServer web = LocalWebServer.start(Map.of("/index.html", PAGE));
             Chromium chromium = Chromium.launch(Chromium.options());
             ChromiumPage page = chromium.newPage();
             DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0))) {
            page.navigate(web.uri("/index.html"));
            String offer = (String) page.evaluate("offer()", Duration.ofSeconds(30));
            Fingerprint chromeFp = Fingerprint.parse(find(offer, "a=fingerprint:(.+)"));
            String chromeUfrag = find(offer, "a=ice-ufrag:(\\S+)");

            DtlsTransport dtls = new DtlsTransport(role, cert, chromeFp,
                    DtlsConfig.defaults().withMaxVersion(DtlsVersion.DTLS_1_3), fallback);
            StunBindingResponder stun = new StunBindingResponder("jwebrtc-dtls13-it",
                    user -> user.equals(UFRAG + ":" + chromeUfrag) ? PWD.getBytes(StandardCharsets.UTF_8) : null);
            String answer = String.join("\r\n",
                    "v=0", "o=- 4611731400430051336 2 IN IP4 127.0.0.1", "s=-", "t=0 0", "a=group:BUNDLE 0",
                    "a=ice-lite", "m=application 9 UDP/DTLS/SCTP webrtc-datachannel", "c=IN IP4 127.0.0.1",
                    "a=mid:0", "a=ice-ufrag:" + UFRAG, "a=ice-pwd:" + PWD,
                    "a=fingerprint:" + cert.fingerprint().toSdp(), role == DtlsRole.SERVER ? "a=setup:passive" : "a=setup:active", "a=sctp-port:5000",
                    "a=candidate:1 1 udp 2130706431 127.0.0.1 " + socket.getLocalPort() + " typ host",
                    "a=end-of-candidates", "");
            page.evaluate("answer(" + Json.write(answer) + ")", Duration.ofSeconds(30));

            dtls.start(System.nanoTime());
            List<DtlsEvent> events = new ArrayList<>();
            socket.setSoTimeout(20);
            byte[] buf = new byte[2048];
            InetSocketAddress peer = null;
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() - end < 0 && events.stream().noneMatch(e -> e instanceof DtlsEvent.Connected
                    || e instanceof DtlsEvent.Failed)) {
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
                if (dtls.pollTimeout() - System.nanoTime() <= 0) {
                    dtls.handleTimeout(System.nanoTime());
                }
                // Our ClientHello waits in the transport until Chromium's first ICE check shows where to send.
                for (byte[] d; peer != null && (d = dtls.pollTransmit()) != null; ) {
                    socket.send(new DatagramPacket(d, d.length, peer));
                }
                for (DtlsEvent e; (e = dtls.pollEvent()) != null; ) {
                    events.add(e);
                }
            }
            System.out.println(role + ": Java DTLS events: " + events);
            assertThat(events).anyMatch(e -> e instanceof DtlsEvent.Connected);
            assertThat(dtls.negotiatedVersion()).contains(DtlsVersion.DTLS_1_3);
            DtlsEvent.Connected c = (DtlsEvent.Connected) events.stream()
                    .filter(e -> e instanceof DtlsEvent.Connected).findFirst().orElseThrow();
            assertThat(c.remoteFingerprint()).isEqualTo(chromeFp);
            // Keep answering so Chromium sees our ACK and finishes too, then read its stats.
            String state = "";
            long statsEnd = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() - statsEnd < 0 && !state.startsWith("connected")) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    socket.receive(p);
                    if ((buf[0] & 0xFF) < 2) {
                        byte[] resp = stun.respond(buf, 0, p.getLength(), (InetSocketAddress) p.getSocketAddress());
                        if (resp != null) {
                            socket.send(new DatagramPacket(resp, resp.length, p.getSocketAddress()));
                        }
                    } else {
                        dtls.handleInput(System.nanoTime(), buf, 0, p.getLength());
                    }
                } catch (SocketTimeoutException idle) {
                    // poll stats
                }
                for (byte[] d; (d = dtls.pollTransmit()) != null; ) {
                    socket.send(new DatagramPacket(d, d.length, peer));
                }
                if (dtls.pollTimeout() - System.nanoTime() <= 0) {
                    dtls.handleTimeout(System.nanoTime());
                }
                for (byte[] d; (d = dtls.pollTransmit()) != null; ) {
                    socket.send(new DatagramPacket(d, d.length, peer));
                }
                state = String.valueOf(page.evaluate("transport()", Duration.ofSeconds(5)));
            }
            System.out.println("Chromium " + chromium.version() + " transport: " + state);
            assertThat(state).startsWith("connected|FEFC|");
        } finally {
            fallback.shutdownNow();
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
