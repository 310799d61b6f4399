package org.minutewise.core.edits;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** NCCI PTP edits by pair. {@code starter} marks the small table shipped with Minutewise, not CMS's full file. */
public final class PtpTable {
    private final String version;
    private final boolean starter;
    /** Column one, then column two, then the edit's versions: look-ups allocate nothing. */
    private final Map<String, Map<String, List<PtpEdit>>> byPair = new HashMap<>();

    public PtpTable(String version, boolean starter, Collection<PtpEdit> edits) {
        this.version = version;
        this.starter = starter;
        for (PtpEdit e : edits) {
            byPair.computeIfAbsent(e.column1(), k -> new HashMap<>())
                    .computeIfAbsent(e.column2(), k -> new ArrayList<>()).add(e);
        }
    }

    public static PtpTable empty() {
        return new PtpTable("empty", true, List.of());
    }

    public String version() {
        return version;
    }

    public boolean starter() {
        return starter;
    }

    public int size() {
        int n = 0;
        for (Map<String, List<PtpEdit>> m : byPair.values()) {
            for (List<PtpEdit> l : m.values()) {
                n += l.size();
            }
        }
        return n;
    }

    /** The edit active on the date with {@code a} and {@code b} in either column order. */
    public Optional<PtpEdit> find(String a, String b, LocalDate date) {
        Optional<PtpEdit> e = exact(a, b, date);
        return e.isPresent() ? e : exact(b, a, date);
    }

    private Optional<PtpEdit> exact(String c1, String c2, LocalDate date) {
        Map<String, List<PtpEdit>> second = byPair.get(c1);
        List<PtpEdit> list = second == null ? null : second.get(c2);
        if (list == null) {
            return Optional.empty();
        }
        for (int i = 0; i < list.size(); i++) {
            PtpEdit e = list.get(i);
            if (e.activeOn(date)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** Every edit of the table, whatever its dates, by column one then column two. */
    public List<PtpEdit> all() {
        List<PtpEdit> out = new ArrayList<>();
        for (Map<String, List<PtpEdit>> m : byPair.values()) {
            for (List<PtpEdit> list : m.values()) {
                out.addAll(list);
            }
        }
        out.sort((x, y) -> (x.column1() + x.column2()).compareTo(y.column1() + y.column2()));
        return out;
    }

    /** Every active edit that names the code in either column. */
    public List<PtpEdit> touching(String code, LocalDate date) {
        List<PtpEdit> out = new ArrayList<>();
        for (Map<String, List<PtpEdit>> m : byPair.values()) {
            for (List<PtpEdit> list : m.values()) {
                for (PtpEdit e : list) {
                    if ((e.column1().equals(code) || e.column2().equals(code)) && e.activeOn(date)) {
                        out.add(e);
                    }
                }
            }
        }
        out.sort((x, y) -> (x.column1() + x.column2()).compareTo(y.column1() + y.column2()));
        return out;
    }
}
