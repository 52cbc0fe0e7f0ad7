package org.jwebrtc.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Optional;

/**
 * Rebuilds every record of a parsed session through its canonical constructor, outside the
 * parser. The parser lets records skip re-scanning strings it has vetted itself (Check's trusted
 * thread); this proves it never vouched for a value the record's own checks would refuse.
 */
final class Revalidate {
    private Revalidate() {}

    static void all(Object value) {
        if (value instanceof List<?> l) {
            l.forEach(Revalidate::all);
        } else if (value instanceof Optional<?> o) {
            o.ifPresent(Revalidate::all);
        } else if (value instanceof Record r) {
            record(r);
        }
    }

    private static void record(Record r) {
        RecordComponent[] rc = r.getClass().getRecordComponents();
        Object[] args = new Object[rc.length];
        Class<?>[] types = new Class<?>[rc.length];
        try {
            for (int i = 0; i < rc.length; i++) {
                args[i] = rc[i].getAccessor().invoke(r);
                types[i] = rc[i].getType();
                all(args[i]);
            }
            Constructor<?> canonical = r.getClass().getDeclaredConstructor(types);
            assertThat(canonical.newInstance(args)).isEqualTo(r);
        } catch (InvocationTargetException e) {
            throw new AssertionError("the parser built a record its constructor refuses: " + r, e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
