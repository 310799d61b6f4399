package org.minutewise.core.claim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Units and modifiers summed by code over a visit's lines, codes in order of first appearance, each modifier
 * once in order of appearance. A visit has a handful of codes: a linear search over two small arrays is cheaper
 * than a map, and the per-visit checks run millions of times in a batch audit. Not thread-safe.
 */
public final class CodeTally {
    private String[] codes;
    private int[] units;
    private List<String>[] modifiers;
    private int size;

    @SuppressWarnings("unchecked")
    public CodeTally(int expectedCodes) {
        int n = Math.max(1, expectedCodes);
        codes = new String[n];
        units = new int[n];
        modifiers = new List[n];
    }

    /** Adds a line's units and modifiers to its code. */
    public void add(String code, int u, List<String> mods) {
        int at = indexOf(code);
        if (at < 0) {
            if (size == codes.length) {
                codes = Arrays.copyOf(codes, size * 2);
                units = Arrays.copyOf(units, size * 2);
                modifiers = Arrays.copyOf(modifiers, size * 2);
            }
            at = size++;
            codes[at] = code;
        }
        units[at] += u;
        for (String m : mods) {
            if (modifiers[at] == null) {
                modifiers[at] = new ArrayList<>(mods.size() + 1);
            }
            if (!modifiers[at].contains(m)) {
                modifiers[at].add(m);
            }
        }
    }

    public int size() {
        return size;
    }

    public String code(int i) {
        return codes[i];
    }

    public int units(int i) {
        return units[i];
    }

    /** The modifiers of code {@code i}, each once (a live view: do not keep it past further adds). */
    public List<String> modifiers(int i) {
        return modifiers[i] == null ? List.of() : modifiers[i];
    }

    /** The position of a code, or -1. */
    public int indexOf(String code) {
        for (int i = 0; i < size; i++) {
            if (codes[i].equals(code)) {
                return i;
            }
        }
        return -1;
    }

    /** The units of a code, 0 when absent. */
    public int unitsOf(String code) {
        int i = indexOf(code);
        return i < 0 ? 0 : units[i];
    }
}
