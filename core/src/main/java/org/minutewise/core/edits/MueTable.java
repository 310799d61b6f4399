package org.minutewise.core.edits;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** MUE values by code, effective-dated: the latest value in effect on the date applies. */
public final class MueTable {
    private final String version;
    private final boolean starter;
    private final Map<String, List<Mue>> byCode = new HashMap<>();

    public MueTable(String version, boolean starter, Collection<Mue> values) {
        this.version = version;
        this.starter = starter;
        for (Mue m : values) {
            byCode.computeIfAbsent(m.code(), k -> new ArrayList<>()).add(m);
        }
        byCode.values().forEach(l -> l.sort((a, b) -> b.effective().compareTo(a.effective())));
    }

    public static MueTable empty() {
        return new MueTable("empty", true, List.of());
    }

    public String version() {
        return version;
    }

    public boolean starter() {
        return starter;
    }

    /** Every code's latest value, by code. */
    public List<Mue> latest() {
        List<Mue> out = new ArrayList<>();
        byCode.values().forEach(l -> out.add(l.get(0)));
        out.sort((a, b) -> a.code().compareTo(b.code()));
        return out;
    }

    public Optional<Mue> find(String code, LocalDate date) {
        List<Mue> list = byCode.get(code);
        if (list != null) {
            for (Mue m : list) {
                if (!date.isBefore(m.effective())) {
                    return Optional.of(m);
                }
            }
        }
        return Optional.empty();
    }
}
