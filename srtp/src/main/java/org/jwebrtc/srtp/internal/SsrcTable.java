package org.jwebrtc.srtp.internal;

import java.util.function.IntFunction;

/**
 * Open-addressing map from a 32-bit SSRC to per-stream state (linear probing, load ≤ 1/2). Lookups
 * allocate nothing; the first packet of a new SSRC may allocate (state + a rare resize). Not thread-safe.
 */
public final class SsrcTable<V> {
    private int[] keys = new int[16];
    private Object[] values = new Object[16];
    private int count;

    public int size() {
        return count;
    }

    @SuppressWarnings("unchecked")
    public V get(int ssrc) {
        int mask = keys.length - 1;
        for (int i = mix(ssrc) & mask; ; i = (i + 1) & mask) {
            Object v = values[i];
            if (v == null) {
                return null;
            }
            if (keys[i] == ssrc) {
                return (V) v;
            }
        }
    }

    public V computeIfAbsent(int ssrc, IntFunction<V> create) {
        V v = get(ssrc);
        if (v == null) {
            v = create.apply(ssrc);
            put(ssrc, v);
        }
        return v;
    }

    public void put(int ssrc, V value) {
        if (value == null) {
            throw new IllegalArgumentException("null state");
        }
        if ((count + 1) * 2 > keys.length) {
            resize();
        }
        if (insert(keys, values, ssrc, value)) {
            count++;
        }
    }

    private void resize() {
        int[] nk = new int[keys.length * 2];
        Object[] nv = new Object[values.length * 2];
        for (int i = 0; i < keys.length; i++) {
            if (values[i] != null) {
                insert(nk, nv, keys[i], values[i]);
            }
        }
        keys = nk;
        values = nv;
    }

    private static boolean insert(int[] keys, Object[] values, int ssrc, Object value) {
        int mask = keys.length - 1;
        for (int i = mix(ssrc) & mask; ; i = (i + 1) & mask) {
            if (values[i] == null) {
                keys[i] = ssrc;
                values[i] = value;
                return true;
            }
            if (keys[i] == ssrc) {
                values[i] = value;
                return false;
            }
        }
    }

    private static int mix(int x) {
        int h = x * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
