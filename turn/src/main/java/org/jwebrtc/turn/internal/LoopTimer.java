package org.jwebrtc.turn.internal;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** One timer per sans-IO object on its event loop, armed at its {@code pollTimeout()} (DESIGN §2). Loop-confined. */
public final class LoopTimer {
    private final EventLoop loop;
    private final Runnable onFire;
    private ScheduledFuture<?> pending;
    private long deadline = Long.MAX_VALUE;

    public LoopTimer(EventLoop loop, Runnable onFire) {
        this.loop = loop;
        this.onFire = onFire;
    }

    /** Arms (or re-arms earlier) for {@code newDeadline} in System.nanoTime() terms; MAX = none. */
    public void arm(long newDeadline) {
        if (newDeadline == deadline && pending != null) {
            return;
        }
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
        deadline = newDeadline;
        if (newDeadline == Long.MAX_VALUE) {
            return;
        }
        long delay = Math.max(0, newDeadline - System.nanoTime());
        pending = loop.schedule(() -> {
            pending = null;
            deadline = Long.MAX_VALUE;
            onFire.run();
        }, delay, TimeUnit.NANOSECONDS);
    }

    public void cancel() {
        arm(Long.MAX_VALUE);
    }
}
