package org.jwebrtc.benchmarks.stun;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jwebrtc.stun.IceControlling;
import org.jwebrtc.stun.IntegrityAlgorithm;
import org.jwebrtc.stun.Priority;
import org.jwebrtc.stun.ShortTermCredentials;
import org.jwebrtc.stun.StunAttributeType;
import org.jwebrtc.stun.StunBindingResponder;
import org.jwebrtc.stun.StunClass;
import org.jwebrtc.stun.StunException;
import org.jwebrtc.stun.StunMessage;
import org.jwebrtc.stun.StunMethod;
import org.jwebrtc.stun.StunView;
import org.jwebrtc.stun.StunWriter;
import org.jwebrtc.stun.TransactionId;
import org.jwebrtc.stun.UseCandidate;
import org.jwebrtc.stun.Username;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The ICE connectivity-check path: a Chrome-like Binding request (USERNAME, PRIORITY,
 * ICE-CONTROLLING, USE-CANDIDATE, MESSAGE-INTEGRITY, FINGERPRINT).
 * {@code checkRequest} = StunView.wrap (header, attribute walk, FINGERPRINT CRC) + HMAC-SHA1
 * verify + USERNAME/PRIORITY reads: must be 0 B/op. {@code writeResponse} = StunWriter success
 * response with XOR-MAPPED-ADDRESS, MESSAGE-INTEGRITY and FINGERPRINT: must be 0 B/op.
 * {@code responder} = the sans-IO StunBindingResponder with short-term auth (byte-compared
 * username) producing the signed success response: 0 B/op too. {@code parse} (full record decode)
 * allocates by design and is here for scale.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StunCheckBenchmark {
    private final byte[] key = "asd88fgpdd777uzjYhagZg".getBytes(StandardCharsets.UTF_8);
    private final byte[] username = "b2Lq:ETwo".getBytes(StandardCharsets.UTF_8);
    private final byte[] address = {(byte) 192, 0, 2, 1};
    private final byte[] out = new byte[1500];
    private final StunView view = new StunView();
    private final StunWriter writer = new StunWriter();
    private byte[] request;
    private StunBindingResponder responder;
    private InetSocketAddress source;

    @Setup
    public void setup() throws Exception {
        request = StunMessage.of(StunClass.REQUEST, StunMethod.BINDING, TransactionId.random(new SplittableRandom(1)),
                new Username("b2Lq:ETwo"), new Priority(1_853_817_087L), new IceControlling(0x1234_5678_9abc_def0L),
                new UseCandidate()).toBytes(key, true);
        responder = new StunBindingResponder(null, new ShortTermCredentials() {
            @Override
            public byte[] keyFor(String name) {
                return name.equals("b2Lq:ETwo") ? key : null;
            }

            @Override
            public byte[] keyFor(byte[] utf8, int off, int len) { // byte compare: no String per request
                return Arrays.equals(utf8, off, off + len, username, 0, username.length) ? key : null;
            }
        });
        source = new InetSocketAddress(InetAddress.getByAddress(address), 50000);
        if (!checkRequest()) {
            throw new AssertionError("request does not verify");
        }
    }

    @Benchmark
    public boolean checkRequest() throws StunException {
        StunView v = view.wrap(request, 0, request.length);
        return v.isRequest(StunMethod.BINDING) && v.hasFingerprint() && v.verifyIntegrity(key)
                && v.usernameEquals(username) && v.priority() > 0;
    }

    @Benchmark
    public int writeResponse() {
        return writer.start(out, 0, out.length, StunClass.SUCCESS_RESPONSE, StunMethod.BINDING, request, 8)
                .addXorAddress(StunAttributeType.XOR_MAPPED_ADDRESS, address, 0, 4, 50000)
                .finish(key, IntegrityAlgorithm.HMAC_SHA1, true);
    }

    @Benchmark
    public int responder() {
        return responder.respond(request, 0, request.length, source, out, 0);
    }

    @Benchmark
    public StunMessage parse() throws StunException {
        return StunMessage.parse(request, 0, request.length);
    }
}
