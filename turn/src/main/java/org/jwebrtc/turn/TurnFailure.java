package org.jwebrtc.turn;

/** Completes {@link NettyTurnClient} futures exceptionally: the server refused (code, reason) or did not answer (code 0). */
public final class TurnFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient TurnEvent.Failed failed;

    public TurnFailure(TurnEvent.Failed failed) {
        super(failed.operation() + " failed: " + (failed.code() == 0 ? "" : failed.code() + " ") + failed.reason(),
                null, false, false);
        this.failed = failed;
    }

    public TurnEvent.Failed failed() {
        return failed;
    }

    public int code() {
        return failed.code();
    }
}
