package org.jwebrtc.sdp.internal;

/**
 * Open-addressing lookup of a fixed word list by a region of a string, without creating a
 * substring: hash of length and three sample characters, then one {@code regionMatches}.
 * Immutable after construction.
 */
final class WordTable {
    private final String[] table;
    private final int[] index;
    private final int mask;

    WordTable(String[] words) {
        int size = Integer.highestOneBit(Math.max(16, words.length * 4) - 1) << 1;
        table = new String[size];
        index = new int[size];
        mask = size - 1;
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            int h = hash(w, 0, w.length());
            boolean dup = false;
            while (table[h] != null) {
                if (table[h].equals(w)) {
                    dup = true;
                    break;
                }
                h = (h + 1) & mask;
            }
            if (!dup) {
                table[h] = w;
                index[h] = i;
            }
        }
    }

    private int hash(String s, int start, int end) {
        int len = end - start;
        int h = len * 31 + s.charAt(start);
        h = h * 31 + s.charAt(end - 1);
        h = h * 31 + s.charAt(start + (len >> 1));
        h ^= h >>> 7;
        return h & mask;
    }

    /** Index into the constructor's array of the word equal to {@code s[start, end)}, or -1. */
    int find(String s, int start, int end) {
        if (start >= end) {
            return -1;
        }
        int len = end - start;
        for (int h = hash(s, start, end); ; h = (h + 1) & mask) {
            String t = table[h];
            if (t == null) {
                return -1;
            }
            if (t.length() == len && s.startsWith(t, start)) {
                return index[h];
            }
        }
    }
}
