package vn.cadretraining.reporting.service;

import java.util.Arrays;

/**
 * Counts by a long key, in two arrays (open addressing): the recount of the title holders keeps a few million of
 * them at national scale, which as boxed map entries would take most of the server's heap.
 */
final class LongIntCounts {

    private static final long FREE = Long.MIN_VALUE;

    private long[] keys = new long[1 << 12];
    private int[] counts = new int[1 << 12];
    private int size;

    LongIntCounts() {
        Arrays.fill(keys, FREE);
    }

    void add(long key, int n) {
        int i = slot(key);
        if (keys[i] == FREE) {
            keys[i] = key;
            size++;
            if (size * 2 > keys.length) {
                counts[i] = n;
                grow();
                return;
            }
        }
        counts[i] += n;
    }

    /** The count of a key (0 when absent), which is removed. */
    int take(long key) {
        int i = slot(key);
        if (keys[i] == FREE) {
            return 0;
        }
        int n = counts[i];
        // removal in linear probing: the entries after it in its run are placed again
        keys[i] = FREE;
        counts[i] = 0;
        size--;
        for (int j = next(i); keys[j] != FREE; j = next(j)) {
            long k = keys[j];
            int v = counts[j];
            keys[j] = FREE;
            counts[j] = 0;
            int to = slot(k);
            keys[to] = k;
            counts[to] = v;
        }
        return n;
    }

    interface Entry {
        void accept(long key, int n);
    }

    void forEach(Entry entry) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != FREE) {
                entry.accept(keys[i], counts[i]);
            }
        }
    }

    private int slot(long key) {
        int i = (int) (mix(key) & (keys.length - 1));
        while (keys[i] != FREE && keys[i] != key) {
            i = next(i);
        }
        return i;
    }

    private int next(int i) {
        return (i + 1) & (keys.length - 1);
    }

    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        return k;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        counts = new int[oldKeys.length * 2];
        Arrays.fill(keys, FREE);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != FREE) {
                int to = slot(oldKeys[i]);
                keys[to] = oldKeys[i];
                counts[to] = oldCounts[i];
            }
        }
    }
}
