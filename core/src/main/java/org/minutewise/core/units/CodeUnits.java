package org.minutewise.core.units;

/**
 * The units one code ends with.
 *
 * @param minutes    all minutes of the code that day (its lines added up)
 * @param fullBlocks full 15-minute blocks of its own (CMS method; 0 for untimed codes)
 * @param leftover   minutes beyond its full blocks
 * @param extraUnit  it received one of the units left after full blocks (CMS method)
 */
public record CodeUnits(String code, CodeKind kind, int minutes, int units, int fullBlocks, int leftover,
                        boolean extraUnit) {
}
