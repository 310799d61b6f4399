package org.minutewise.core.model;

import java.time.LocalTime;
import java.util.Objects;

/**
 * A half-open interval of clock time, [start, end): 09:00-09:24 and 09:24-09:47 do not overlap.
 * A period never crosses midnight and is never empty. An end of {@link #END_OF_DAY} is 24:00.
 */
public record Period(LocalTime start, LocalTime end) implements Comparable<Period> {
    /** The end of the day, 24:00 (minute 1440), which {@link LocalTime} cannot hold as a minute of its own. */
    public static final LocalTime END_OF_DAY = LocalTime.MAX;

    public Period {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end " + end + " must be after start " + start);
        }
    }

    public static Period of(String start, String end) {
        return new Period(LocalTime.parse(start), LocalTime.parse(end));
    }

    public int startMinute() {
        return start.getHour() * 60 + start.getMinute();
    }

    public int endMinute() {
        return end.equals(END_OF_DAY) ? 24 * 60 : end.getHour() * 60 + end.getMinute();
    }

    /** Whole minutes in the period. */
    public int minutes() {
        return endMinute() - startMinute();
    }

    public boolean overlaps(Period other) {
        return startMinute() < other.endMinute() && other.startMinute() < endMinute();
    }

    /** The index of the first of {@code periods} that shares a minute with {@code p}; -1 when none does. */
    public static int firstOverlapping(java.util.List<Period> periods, Period p) {
        for (int i = 0; i < periods.size(); i++) {
            if (periods.get(i).overlaps(p)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether a period of {@code a} shares a minute with a period of {@code b}. */
    public static boolean anyOverlap(java.util.List<Period> a, java.util.List<Period> b) {
        for (int i = 0; i < a.size(); i++) { // indexed: no iterator in this hot loop
            if (firstOverlapping(b, a.get(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Minutes both periods share; 0 when they do not overlap. */
    public int overlapMinutes(Period other) {
        return Math.max(0, Math.min(endMinute(), other.endMinute()) - Math.max(startMinute(), other.startMinute()));
    }

    @Override
    public int compareTo(Period o) {
        int c = start.compareTo(o.start);
        return c != 0 ? c : end.compareTo(o.end);
    }

    @Override
    public String toString() {
        return start + "-" + (end.equals(END_OF_DAY) ? "24:00" : end.toString());
    }
}
