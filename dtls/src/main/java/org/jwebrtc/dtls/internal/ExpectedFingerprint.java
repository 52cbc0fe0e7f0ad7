package org.jwebrtc.dtls.internal;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jwebrtc.dtls.Fingerprint;

/**
 * The remote SDP fingerprint, possibly learned after the handshake started (the answer may arrive
 * after the peer's ClientHello). The handshake thread waits for it inside notify*Certificate,
 * so the certificate is never accepted unchecked.
 */
public final class ExpectedFingerprint {
    private Fingerprint value;

    public synchronized void set(Fingerprint f) {
        value = f;
        notifyAll();
    }

    public synchronized Fingerprint get() {
        return value;
    }

    /** Waits up to {@code millis}; null if still unknown. */
    public synchronized Fingerprint await(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (value == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
        return value;
    }

    /**
     * The one fingerprint comparison both DTLS versions use (RFC 8122 §5): empty if {@code der}
     * matches {@code want}, else the reason. Constant-time compare inside {@link Fingerprint#matches}.
     */
    public static Optional<String> mismatch(Fingerprint want, byte[] der) {
        Fingerprint actual = Fingerprint.of("sha-256", der);
        if (want == null) {
            return Optional.of("no remote SDP fingerprint was set in time to check certificate " + actual.toSdp());
        }
        if (!want.matches(der)) {
            Fingerprint got = want.hashFunction().equals("sha-256") ? actual : Fingerprint.of(want.hashFunction(), der);
            return Optional.of("remote certificate fingerprint " + got.toSdp()
                    + " does not match the SDP fingerprint " + want.toSdp());
        }
        return Optional.empty();
    }
}
