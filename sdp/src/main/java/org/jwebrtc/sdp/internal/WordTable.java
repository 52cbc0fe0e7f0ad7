package org.jwebrtc.sdp.internal;

/**
 * Open-addressing lookup of a fixed word list by a region of a string, without creating a
 * substring: hash of length and three sample characters, then one {@code regionMatches}.
 * A region whose length no word has (most ids, passwords, fingerprints) misses without hashing.
 * Immutable after construction.
 */
final class WordTable {
    private final String[] table;
    private final int[] index;
    private final int[] hashes;   // unmasked hash per slot: most misses never touch the String
    private final int mask;
    private final boolean[] hasLength;

    WordTable(String[] words) {
        int size = Integer.highestOneBit(Math.max(16, words.length * 4) - 1) << 1;
        table = new String[size];
        index = new int[size];
        hashes = new int[size];
        mask = size - 1;
        int longest = 0;
        for (String w : words) {
            longest = Math.max(longest, w.length());
        }
        hasLength = new boolean[longest + 1];
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            int full = hash(w, 0, w.length());
            int h = full & mask;
            boolean dup = false;
            while (table[h] != null) {
                if (table[h].equals(w)) {
                    dup = true;
                    break;
                }
                h = (h + 1) & mask;
            }
            hasLength[w.length()] = true;
            if (!dup) {
                table[h] = w;
                index[h] = i;
                hashes[h] = full;
            }
        }
    }

    private static int hash(String s, int start, int end) {
        int len = end - start;
        int h = len * 31 + s.charAt(start);
        h = h * 31 + s.charAt(end - 1);
        h = h * 31 + s.charAt(start + (len >> 1));
        return h ^ (h >>> 7);
    }

    /** Index into the constructor's array of the word equal to {@code s[start, end)}, or -1. */
    int find(String s, int start, int end) {
        int len = end - start;
        if (len <= 0 || len >= hasLength.length || !hasLength[len]) {
            return -1;
        }
        int full = hash(s, start, end);
        for (int h = full & mask; ; h = (h + 1) & mask) {
            String t = table[h];
            if (t == null) {
                return -1;
            }
            if (hashes[h] == full && t.length() == len && regionEquals(s, start, t)) {
                return index[h];
            }
        }
    }

    /** {@code s.startsWith(t, start)} for an in-bounds region; small enough for the JIT to inline. */
    private static boolean regionEquals(String s, int start, String t) {
        for (int i = 0, n = t.length(); i < n; i++) {
            if (s.charAt(start + i) != t.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
