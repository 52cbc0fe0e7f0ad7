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
 * {@code SrtpContext.unprotectRtp} of 1200-byte RTP packets against the bare JCE calls (tag check and
 * decrypt, no index estimation, replay window or SSRC lookup). A ring of {@value #RING} packets with
 * consecutive sequence numbers is protected in setup; each op copies the next one into the work buffer
 * (both variants pay the same copy) and unprotects it in place. When the ring wraps, the next of
 * {@value #RECEIVERS} receiving contexts made in setup takes over (the previous one has seen every
 * index), so the measured path allocates nothing; only after RING * RECEIVERS ops is one recreated.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SrtpUnprotectBenchmark {
    static final int RING = 16384;
    static final int RECEIVERS = 256;
    static final int PACKET = 1200;
    static final int HEADER = 12;

    @Param({"AES_CM_128_HMAC_SHA1_80", "AEAD_AES_128_GCM"})
    public SrtpProfile profile;

    private byte[] key;
    private byte[] salt;
    private byte[][] ring;
    private byte[][] rawRing;
    private int wireLen;
    private final byte[] buf = new byte[PACKET + 32];
    private SrtpContext receiver;
    private SrtpContext[] receivers;
    private int lap;
    private int next;

    private Cipher rawCipher;
    private Mac rawMac;
    private SecretKeySpec rawKey;
    private final byte[] rawIv = new byte[16];
    private final byte[] roc = new byte[4];
    private final byte[] tag = new byte[20];

    @Setup
    public void setup() throws GeneralSecurityException {
        key = new byte[profile.keyLength()];
        salt = new byte[profile.saltLength()];
        SrtpContext sender = SrtpContext.create(profile, key, salt);
        ring = new byte[RING][];
        rawRing = new byte[RING][];
        rawKey = new SecretKeySpec(new byte[profile.keyLength()], "AES");
        if (profile.isAead()) {
            rawCipher = Cipher.getInstance("AES/GCM/NoPadding");
        } else {
            rawCipher = Cipher.getInstance("AES/CTR/NoPadding");
            rawMac = Mac.getInstance("HmacSHA1");
            rawMac.init(new SecretKeySpec(new byte[20], "HmacSHA1"));
        }
        for (int i = 0; i < RING; i++) {
            byte[] p = new byte[PACKET + 32];
            p[0] = (byte) 0x80;
            p[1] = 96;
            p[2] = (byte) (i >>> 8);
            p[3] = (byte) i;
            p[8] = 0x0a;
            for (int j = HEADER; j < PACKET; j++) {
                p[j] = (byte) (i + j);
            }
            rawRing[i] = rawProtect(p.clone(), i);
            wireLen = sender.protectRtp(p, 0, PACKET);
            ring[i] = p;
        }
        receivers = new SrtpContext[RECEIVERS];
        for (int i = 0; i < RECEIVERS; i++) {
            receivers[i] = SrtpContext.create(profile, key, salt);
        }
        receiver = receivers[0];
    }

    private void setRawIv(int i) {
        rawIv[12] = (byte) (i >>> 8);
        rawIv[13] = (byte) i;
    }

    private byte[] rawProtect(byte[] p, int i) throws GeneralSecurityException {
        setRawIv(i);
        if (rawMac == null) {
            rawCipher.init(Cipher.ENCRYPT_MODE, rawKey, new GCMParameterSpec(128, rawIv, 2, 12));
            rawCipher.updateAAD(p, 0, HEADER);
            rawCipher.doFinal(p, HEADER, PACKET - HEADER, p, HEADER);
        } else {
            rawCipher.init(Cipher.ENCRYPT_MODE, rawKey, new IvParameterSpec(rawIv));
            rawCipher.doFinal(p, HEADER, PACKET - HEADER, p, HEADER);
            rawMac.update(p, 0, PACKET);
            rawMac.update(roc);
            rawMac.doFinal(tag, 0);
            System.arraycopy(tag, 0, p, PACKET, 10);
        }
        return p;
    }

    private byte[] nextPacket(byte[][] from) {
        byte[] p = from[next];
        if (++next == RING) {
            next = 0;
        }
        System.arraycopy(p, 0, buf, 0, wireLen);
        return buf;
    }

    @Benchmark
    public int unprotect() {
        if (next == 0) {
            if (++lap == RECEIVERS) {
                lap = 0;
                for (int i = 0; i < RECEIVERS; i++) {
                    receivers[i] = SrtpContext.create(profile, key, salt);
                }
            }
            receiver = receivers[lap];
        }
        byte[] b = nextPacket(ring);
        int r = receiver.unprotectRtp(b, 0, wireLen);
        if (r != PACKET) {
            throw new AssertionError("unprotect failed: " + r);
        }
        return r;
    }

    /** The same JCE calls on a ring of packets that raw JCE protected in setup (valid tags). */
    @Benchmark
    public int rawJce() throws GeneralSecurityException {
        setRawIv(next);
        byte[] b = nextPacket(rawRing);
        if (rawMac == null) {
            rawCipher.init(Cipher.DECRYPT_MODE, rawKey, new GCMParameterSpec(128, rawIv, 2, 12));
            rawCipher.updateAAD(b, 0, HEADER);
            return rawCipher.doFinal(b, HEADER, wireLen - HEADER, b, HEADER);
        }
        rawMac.update(b, 0, wireLen - 10);
        rawMac.update(roc);
        rawMac.doFinal(tag, 0);
        int diff = 0;
        for (int i = 0; i < 10; i++) {
            diff |= tag[i] ^ b[wireLen - 10 + i];
        }
        if (diff != 0) {
            throw new AssertionError("raw tag mismatch");
        }
        rawCipher.init(Cipher.DECRYPT_MODE, rawKey, new IvParameterSpec(rawIv));
        return rawCipher.doFinal(b, HEADER, wireLen - 10 - HEADER, b, HEADER);
    }
}
