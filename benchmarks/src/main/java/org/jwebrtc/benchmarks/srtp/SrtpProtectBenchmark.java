package org.jwebrtc.benchmarks.srtp;

import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jwebrtc.srtp.SrtpContext;
import org.jwebrtc.srtp.SrtpProfile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code SrtpContext.protectRtp} on a 1200-byte RTP packet (12-byte header, 1188-byte payload) against
 * the bare JCE calls a protect needs on the same buffer ({@code raw*}: AES/CTR + HmacSHA1, or AES/GCM,
 * keyed per packet with a new IV, no header parsing, ROC, replay or SSRC bookkeeping).
 * Each call writes a new sequence number, so every packet has a fresh index.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SrtpProtectBenchmark {
    static final int PACKET = 1200;
    static final int HEADER = 12;

    @Param({"AES_CM_128_HMAC_SHA1_80", "AEAD_AES_128_GCM"})
    public SrtpProfile profile;

    private final byte[] buf = new byte[PACKET + 32];
    private SrtpContext context;
    private int seq;

    private Cipher rawCipher;
    private Mac rawMac;
    private SecretKeySpec rawKey;
    private final byte[] rawIv = new byte[16];
    private final byte[] roc = new byte[4];

    @Setup
    public void setup() throws GeneralSecurityException {
        context = SrtpContext.create(profile, new byte[profile.keyLength()], new byte[profile.saltLength()]);
        buf[0] = (byte) 0x80;
        buf[1] = 96;
        buf[8] = 0x0a;
        for (int i = HEADER; i < PACKET; i++) {
            buf[i] = (byte) i;
        }
        rawKey = new SecretKeySpec(new byte[profile.keyLength()], "AES");
        if (profile.isAead()) {
            rawCipher = Cipher.getInstance("AES/GCM/NoPadding");
        } else {
            rawCipher = Cipher.getInstance("AES/CTR/NoPadding");
            rawMac = Mac.getInstance("HmacSHA1");
            rawMac.init(new SecretKeySpec(new byte[20], "HmacSHA1"));
        }
    }

    private void nextSeq() {
        seq++;
        buf[2] = (byte) (seq >>> 8);
        buf[3] = (byte) seq;
    }

    @Benchmark
    public int protect() {
        nextSeq();
        return context.protectRtp(buf, 0, PACKET);
    }

    @Benchmark
    public int rawJce() throws GeneralSecurityException {
        nextSeq();
        rawIv[10] = (byte) (seq >>> 24); // a new IV per packet, as SRTP's index gives
        rawIv[11] = (byte) (seq >>> 16);
        rawIv[12] = (byte) (seq >>> 8);
        rawIv[13] = (byte) seq;
        if (rawMac == null) {
            rawCipher.init(Cipher.ENCRYPT_MODE, rawKey, new GCMParameterSpec(128, rawIv, 2, 12));
            rawCipher.updateAAD(buf, 0, HEADER);
            return rawCipher.doFinal(buf, HEADER, PACKET - HEADER, buf, HEADER);
        }
        rawCipher.init(Cipher.ENCRYPT_MODE, rawKey, new IvParameterSpec(rawIv));
        rawCipher.doFinal(buf, HEADER, PACKET - HEADER, buf, HEADER);
        rawMac.update(buf, 0, PACKET);
        rawMac.update(roc);
        rawMac.doFinal(buf, PACKET);
        return PACKET + 10;
    }
}
