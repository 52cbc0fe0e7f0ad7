package org.jwebrtc.sdp.internal;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An unmodifiable list over an array only this list holds: what {@code List.copyOf} gives, with
 * one copy instead of two (it copies the source, then again while null-checking) and none at all
 * when a record's constructor copies it again ({@link Check#list} passes it through). Only code
 * of this package can create one, always from a private copy, so it never changes.
 */
final class FrozenList<E> extends AbstractList<E> implements RandomAccess {
    private final Object[] elements;

    private FrozenList(Object[] elements) {
        this.elements = elements;
    }

    /** An unmodifiable copy of {@code source}, whose elements must not be null. */
    static <E> List<E> copyOf(List<E> source) {
        int n = source.size();
        if (n <= 2) {
            return List.copyOf(source);   // the shared empty list / a two-slot one is smaller
        }
        return new FrozenList<>(source.toArray());
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        return (E) elements[Objects.checkIndex(index, elements.length)];
    }

    @Override
    public int size() {
        return elements.length;
    }

    // as List.copyOf's lists: looking for null is an error, not a miss
    @Override
    public int indexOf(Object o) {
        Objects.requireNonNull(o);
        for (int i = 0; i < elements.length; i++) {
            if (o.equals(elements[i])) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int lastIndexOf(Object o) {
        Objects.requireNonNull(o);
        for (int i = elements.length - 1; i >= 0; i--) {
            if (o.equals(elements[i])) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean contains(Object o) {
        return indexOf(o) >= 0;
    }
}
