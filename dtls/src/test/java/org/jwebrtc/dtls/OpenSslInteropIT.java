package org.jwebrtc.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.jwebrtc.testsupport.ExternalProcess;
import org.jwebrtc.testsupport.Loopback;

/**
 * Interop with OpenSSL's DTLS 1.2 ({@code openssl s_server}/{@code s_client}) on 127.0.0.1: both
 * sides must agree on the use_srtp profile and the RFC 5764 §4.2 exported keying material, and
 * each must see the other's certificate.
 */
class OpenSslInteropIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final DtlsCertificate OURS = DtlsCertificate.generate();
    private static ExecutorService executor;
    private static String openssl;

    @TempDir
    static Path dir;
    private static Path certPem;
    private static Path keyPem;
    private static Fingerprint theirs;

    @BeforeAll
    static void opensslAndItsCertificate() throws Exception {
        openssl = ExternalProcess.which("openssl").map(Path::toString).orElse(null);
        assumeTrue(openssl != null, "openssl not installed");
        executor = Executors.newCachedThreadPool();
        certPem = dir.resolve("c.pem");
        keyPem = dir.resolve("k.pem");
        try (ExternalProcess req = ExternalProcess.start("openssl-req", List.of(openssl, "req", "-x509",
                "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-subj", "/CN=test",
                "-days", "1", "-keyout", keyPem.toString(), "-out", certPem.toString()))) {
            assertThat(req.waitFor(Duration.ofSeconds(20))).as(String.join("\n", req.output())).isZero();
        }
        theirs = Fingerprint.of("sha-256", pemToDer(Files.readString(certPem)));
        // cross-check our fingerprint arithmetic with openssl's own
        try (ExternalProcess fp = ExternalProcess.start("openssl-x509", List.of(openssl, "x509", "-in",
                certPem.toString(), "-noout", "-fingerprint", "-sha256"))) {
            String line = fp.awaitLine(l -> l.contains("Fingerprint="), WAIT);
            assertThat(line.substring(line.indexOf('=') + 1)).isEqualTo(theirs.toSdp().substring(8));
        }
    }

    @AfterAll
    static void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void ourClientAgainstOpensslServer(SrtpProfile profile) throws Exception {
        assertThat(clientSession(profile, DtlsConfig.defaults())).isEqualTo(DtlsVersion.DTLS_1_2);
    }

    /**
     * RFC 8446 §4.2.1 / RFC 9147 §5.3: our DTLS 1.3-capable client offers 1.3 and 1.2 (with an
     * X25519MLKEM768 key share, so the ClientHello is fragmented); OpenSSL 3.0 has no DTLS 1.3, answers
     * 1.2 (after its cookie exchange) without a downgrade sentinel, and the client continues in 1.2.
     */
    @Test
    void ourDtls13ClientFallsBackToAnOpensslDtls12Server() throws Exception {
        DtlsConfig v13 = DtlsConfig.defaults().withMaxVersion(DtlsVersion.DTLS_1_3);
        assertThat(clientSession(SrtpProfile.SRTP_AEAD_AES_128_GCM, v13)).isEqualTo(DtlsVersion.DTLS_1_2);
    }

    private DtlsVersion clientSession(SrtpProfile profile, DtlsConfig config) throws Exception {
        int port = Loopback.freeUdpPort();
        List<String> cmd = new ArrayList<>(List.of(openssl, "s_server", "-dtls1_2",
                "-accept", "127.0.0.1:" + port, "-cert", certPem.toString(), "-key", keyPem.toString(),
                "-use_srtp", opensslName(profile), "-keymatexport", "EXTRACTOR-dtls_srtp",
                "-keymatexportlen", String.valueOf(profile.keyingMaterialLength()), "-verify", "1"));
        try (ExternalProcess server = ExternalProcess.start("openssl-s_server", cmd);
             UdpDriver driver = new UdpDriver()) {
            server.awaitLine(l -> l.startsWith("ACCEPT"), WAIT);
            driver.transport = new DtlsTransport(DtlsRole.CLIENT, OURS, theirs, config, executor);
            driver.connect(new InetSocketAddress(Loopback.ipv4(), port));
            driver.transport.start(System.nanoTime());
            DtlsEvent.Connected connected = driver.pumpUntil(DtlsEvent.Connected.class, WAIT);

            String material = server.awaitLine(l -> l.contains("Keying material:"), WAIT);
            assertThat(connected.srtp().orElseThrow().profile()).isEqualTo(profile);
            assertThat(HexFormat.of().formatHex(connected.srtp().orElseThrow().toExported()))
                    .isEqualToIgnoringCase(material.substring(material.indexOf(':') + 1).trim());
            assertThat(connected.remoteFingerprint()).isEqualTo(theirs);
            assertThat(server.output()).anyMatch(l -> l.equals("SRTP Extension negotiated, profile="
                    + opensslName(profile)));
            // openssl saw our certificate: it prints the client certificate PEM
            assertThat(String.join("\n", server.output())).contains(base64Lines(OURS.der()));

            // application data both ways: s_server prints what we send, sends its stdin to us
            byte[] ping = "ping from jwebrtc\n".getBytes(StandardCharsets.UTF_8);
            driver.transport.send(ping, 0, ping.length);
            driver.pumpOnce();
            server.awaitLine(l -> l.equals("ping from jwebrtc"), WAIT);
            OutputStream stdin = server.process().getOutputStream();
            stdin.write("pong from openssl\n".getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            DtlsEvent.ApplicationData pong = driver.pumpUntil(DtlsEvent.ApplicationData.class, WAIT);
            assertThat(new String(pong.data(), StandardCharsets.UTF_8)).isEqualTo("pong from openssl\n");
            DtlsVersion version = driver.transport.negotiatedVersion().orElseThrow();
            driver.transport.close();
            driver.pumpOnce();
            return version;
        }
    }

    @Test
    void ourServerAgainstOpensslClient() throws Exception {
        SrtpProfile profile = SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80;
        try (UdpDriver driver = new UdpDriver()) {
            driver.transport = new DtlsTransport(DtlsRole.SERVER, OURS, theirs, DtlsConfig.defaults(), executor);
            driver.transport.start(System.nanoTime());
            List<String> cmd = List.of(openssl, "s_client", "-dtls1_2",
                    "-connect", "127.0.0.1:" + driver.port(), "-cert", certPem.toString(),
                    "-key", keyPem.toString(), "-use_srtp", "SRTP_AEAD_AES_128_GCM:" + opensslName(profile),
                    "-keymatexport", "EXTRACTOR-dtls_srtp", "-keymatexportlen", "56");
            try (ExternalProcess client = ExternalProcess.start("openssl-s_client", cmd)) {
                DtlsEvent.Connected connected = driver.pumpUntil(DtlsEvent.Connected.class, WAIT);
                // our server preference: AES-GCM first (DtlsConfig.DEFAULT_SRTP_PROFILES)
                assertThat(connected.srtp().orElseThrow().profile()).isEqualTo(SrtpProfile.SRTP_AEAD_AES_128_GCM);
                assertThat(connected.remoteFingerprint()).isEqualTo(theirs);
                String material = client.awaitLine(l -> l.contains("Keying material:"), WAIT);
                assertThat(HexFormat.of().formatHex(connected.srtp().orElseThrow().toExported()))
                        .isEqualToIgnoringCase(material.substring(material.indexOf(':') + 1).trim());
                client.awaitLine(l -> l.equals("SRTP Extension negotiated, profile=SRTP_AEAD_AES_128_GCM"), WAIT);
                assertThat(String.join("\n", client.output())).contains(base64Lines(OURS.der()))
                        .contains("Protocol  : DTLSv1.2")
                        .contains("Extended master secret: yes");

                OutputStream stdin = client.process().getOutputStream();
                stdin.write("hello from openssl\n".getBytes(StandardCharsets.UTF_8));
                stdin.flush();
                DtlsEvent.ApplicationData hello = driver.pumpUntil(DtlsEvent.ApplicationData.class, WAIT);
                assertThat(new String(hello.data(), StandardCharsets.UTF_8)).isEqualTo("hello from openssl\n");
                byte[] reply = "reply from jwebrtc\n".getBytes(StandardCharsets.UTF_8);
                driver.transport.send(reply, 0, reply.length);
                driver.pumpOnce();
                client.awaitLine(l -> l.equals("reply from jwebrtc"), WAIT);
                // s_client quits on "Q"; its close_notify reaches us as Closed(byPeer)
                stdin.write("Q\n".getBytes(StandardCharsets.UTF_8));
                stdin.flush();
                assertThat(driver.pumpUntil(DtlsEvent.Closed.class, WAIT).byPeer()).isTrue();
            }
        }
    }

    @Test
    void opensslServerWithAnotherCertificateIsRejected() throws Exception {
        int port = Loopback.freeUdpPort();
        List<String> cmd = List.of(openssl, "s_server", "-dtls1_2", "-accept", "127.0.0.1:" + port,
                "-cert", certPem.toString(), "-key", keyPem.toString(), "-use_srtp", "SRTP_AES128_CM_SHA1_80",
                "-verify", "1");
        try (ExternalProcess server = ExternalProcess.start("openssl-s_server", cmd);
             UdpDriver driver = new UdpDriver()) {
            server.awaitLine(l -> l.startsWith("ACCEPT"), WAIT);
            driver.transport = new DtlsTransport(DtlsRole.CLIENT, OURS, DtlsCertificate.generate().fingerprint(),
                    DtlsConfig.defaults(), executor);
            driver.connect(new InetSocketAddress(Loopback.ipv4(), port));
            driver.transport.start(System.nanoTime());
            DtlsEvent.Failed failed = driver.pumpUntil(DtlsEvent.Failed.class, WAIT);
            assertThat(failed.reason()).contains("bad_certificate").contains(theirs.toSdp());
            server.awaitLine(l -> l.contains("bad certificate"), WAIT);
        }
    }

    private static String opensslName(SrtpProfile p) {
        return switch (p) {
            case SRTP_AES128_CM_HMAC_SHA1_80 -> "SRTP_AES128_CM_SHA1_80";
            case SRTP_AES128_CM_HMAC_SHA1_32 -> "SRTP_AES128_CM_SHA1_32";
            case SRTP_AEAD_AES_128_GCM -> "SRTP_AEAD_AES_128_GCM";
            case SRTP_AEAD_AES_256_GCM -> "SRTP_AEAD_AES_256_GCM";
        };
    }

    private static byte[] pemToDer(String pem) {
        String b64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(b64);
    }

    /** The first 64-column line of the PEM body, as openssl prints it. */
    private static String base64Lines(byte[] der) {
        return Base64.getEncoder().encodeToString(der).substring(0, 64);
    }
}
