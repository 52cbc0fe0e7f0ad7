package org.jwebrtc.sdp.internal;

import java.util.Arrays;

/**
 * Open-addressing lookup of a fixed word list by a region of a {@code char[]}, without creating a
 * string: hash of length and three sample characters, then one array compare. A region whose
 * length no word has (most ids, passwords, fingerprints) misses without hashing. Immutable after
 * construction.
 */
final class WordTable {
    private final char[][] table;
    private final int[] index;
    private final int[] hashes;   // unmasked hash per slot: most misses never touch the word
    private final int mask;
    private final boolean[] hasLength;

    WordTable(String[] words) {
        int size = Integer.highestOneBit(Math.max(16, words.length * 4) - 1) << 1;
        table = new char[size][];
        index = new int[size];
        hashes = new int[size];
        mask = size - 1;
        int longest = 0;
        for (String w : words) {
            longest = Math.max(longest, w.length());
        }
        hasLength = new boolean[longest + 1];
        for (int i = 0; i < words.length; i++) {
            char[] w = words[i].toCharArray();
            int full = hash(w, 0, w.length);
            int h = full & mask;
            boolean dup = false;
            while (table[h] != null) {
                if (Arrays.equals(table[h], w)) {
                    dup = true;
                    break;
                }
                h = (h + 1) & mask;
            }
            hasLength[w.length] = true;
            if (!dup) {
                table[h] = w;
                index[h] = i;
                hashes[h] = full;
            }
        }
    }

    private static int hash(char[] s, int start, int end) {
        int len = end - start;
        int h = len * 31 + s[start];
        h = h * 31 + s[end - 1];
        h = h * 31 + s[start + (len >> 1)];
        return h ^ (h >>> 7);
    }

    /** Index into the constructor's array of the word equal to {@code s[start, end)}, or -1. */
    int find(char[] s, int start, int end) {
        int len = end - start;
        if (len <= 0 || len >= hasLength.length || !hasLength[len]) {
            return -1;
        }
        int full = hash(s, start, end);
        for (int h = full & mask; ; h = (h + 1) & mask) {
            char[] t = table[h];
            if (t == null) {
                return -1;
            }
            if (hashes[h] == full && t.length == len && Arrays.equals(s, start, end, t, 0, len)) {
                return index[h];
            }
        }
    }
}
