package org.jwebrtc.dtls.internal;

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
}
