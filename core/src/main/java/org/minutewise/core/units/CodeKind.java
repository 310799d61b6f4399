package org.minutewise.core.units;

/** How a code counts toward units. */
public enum CodeKind {
    /** Per 15 minutes. */
    TIMED,
    /** Service based: 1 unit per day whatever the minutes. */
    UNTIMED,
    /** Not in the catalog: kept and reported, 0 units. */
    UNKNOWN
}
