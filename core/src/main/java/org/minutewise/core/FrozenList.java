package org.minutewise.core;

import java.util.AbstractList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Consumer;

/**
 * An unmodifiable list over an array, for the lists the model's records hold (a visit's services, a line's
 * periods, the units per code). It behaves as {@link List#copyOf}'s lists do (no nulls, no changes, equal to any
 * list of the same elements) but is one class with its own iterator: the JDK's immutable lists are two classes (one
 * or two elements, more) sharing one iterator, so the check's loops over them were dispatched by type and their
 * iterators allocated, where loops over this list compile to an index over the array (docs/PERFORMANCE.md).
 */
public final class FrozenList<E> extends AbstractList<E> implements RandomAccess {
    private static final FrozenList<Object> EMPTY = new FrozenList<>(new Object[0]);

    private final Object[] items;

    private FrozenList(Object[] items) {
        this.items = items;
    }

    /** The elements of {@code c} in its order; {@code c} itself when it is a frozen list. No nulls. */
    @SuppressWarnings("unchecked")
    public static <E> List<E> copyOf(Collection<? extends E> c) {
        if (c instanceof FrozenList) {
            return (List<E>) c;
        }
        Object[] a = c.toArray();
        if (a.length == 0) {
            return (List<E>) EMPTY;
        }
        if (a.getClass() != Object[].class) {
            a = java.util.Arrays.copyOf(a, a.length, Object[].class);
        }
        for (Object o : a) {
            Objects.requireNonNull(o, "a null element");
        }
        return new FrozenList<>(a);
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        return (E) items[Objects.checkIndex(index, items.length)];
    }

    @Override
    public int size() {
        return items.length;
    }

    @Override
    public boolean isEmpty() {
        return items.length == 0;
    }

    @Override
    public Object[] toArray() {
        return items.clone();
    }

    @Override
    @SuppressWarnings("unchecked")
    public void forEach(Consumer<? super E> action) {
        for (Object o : items) {
            action.accept((E) o);
        }
    }

    @Override
    public Iterator<E> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < items.length;
            }

            @Override
            @SuppressWarnings("unchecked")
            public E next() {
                if (next >= items.length) {
                    throw new NoSuchElementException();
                }
                return (E) items[next++];
            }
        };
    }
}
