package org.minutewise.core;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A pure function's answers remembered by argument, for look-ups that come back visit after visit (a diagnosis
 * code's category, a code's unit price). Bounded: emptied when it holds {@code max} answers, so a stream of
 * distinct arguments cannot grow it without end. Thread-safe; two threads may work out the same answer once each.
 */
public final class BoundedMemo<K, V> {
    private final int max;
    private final Function<K, V> compute;
    private final ConcurrentHashMap<K, V> answers = new ConcurrentHashMap<>();

    /** {@code compute} must be pure and never return null. */
    public BoundedMemo(int max, Function<K, V> compute) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, got " + max);
        }
        this.max = max;
        this.compute = Objects.requireNonNull(compute, "compute");
    }

    public V get(K key) {
        V v = answers.get(key);
        if (v == null) {
            v = Objects.requireNonNull(compute.apply(key), "compute returned null");
            if (answers.size() >= max) {
                answers.clear();
            }
            answers.put(key, v);
        }
        return v;
    }

    /** How many answers are held now (at most {@code max}). */
    public int size() {
        return answers.size();
    }
}
