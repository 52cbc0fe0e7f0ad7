package org.jwebrtc.fuzz;

import java.util.Objects;

/**
 * The invariants every fuzz target checks besides "only the module's exception escapes" (DESIGN §4,
 * enforced by letting anything else propagate to Jazzer, which reports it as a finding).
 */
public final class Contract {
    private Contract() {}

    /** A re-encoding must parse back to the same value (parse(write(parse(x))) == parse(x)). */
    public static void sameAfterRoundTrip(Object first, Object again, String what) {
        if (!Objects.equals(first, again)) {
            throw new AssertionError(what + " changed in a round trip:\n  first: " + first + "\n  again: " + again);
        }
    }

    public static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }

    /** What the parser wrote could not be read back: a writer/parser disagreement, never expected. */
    public static AssertionError unreadableOwnOutput(String what, Exception e) {
        return new AssertionError(what + " wrote output its own parser rejects: " + e.getMessage(), e);
    }
}
