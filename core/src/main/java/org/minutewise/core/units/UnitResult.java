package org.minutewise.core.units;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Units per code for one visit under one method. The plain-words explanation is derived on demand
 * ({@link #explanation()}), so the hot path never builds text it does not need.
 *
 * @param totalTimedMinutes  minutes of all timed codes added up
 * @param timedUnits         units of the timed codes
 * @param totalUnits         all units, timed and untimed
 * @param lines              one entry per code, in the order the codes first appear, unknown codes included
 * @param professionalChoice a tie at the cut-off that CMS leaves to the qualified professional
 * @param tiedCodes          the codes of that tie, best first (empty without a tie)
 * @param alternatives       other allocations the professional may choose, code to units (empty without a tie)
 * @param pooledAddOns       add-on codes whose minutes were counted with their base code's, add-on to base
 *                           (97130 to 97129 when both are documented: one service; empty otherwise)
 * @param tiedWithAssistant  the tied codes whose unit would carry CQ/CO for an assistant's minutes (paid at 85%): the
 *                           default goes to the others first (empty without such a tie)
 * @param byDiscipline       a visit with more than one discipline's plan of care (PT, OT, SLP): each discipline's
 *                           own count, by its label, whose sums and lines this result holds (empty for the usual
 *                           visit of one discipline); see {@link UnitCalculator#combine}
 * @param untimedServices    the visit's untimed codes whose documented periods are a one-on-one service's own time
 *                           ({@link UnitCalculator#untimedService}: an evaluation, 92507, ...; not a supervised
 *                           modality or a group code): a timed code's minutes inside them are not timed minutes
 * @param groupServices      the visit's group codes (97150, 92508; {@link UnitCalculator#groupService}): their
 *                           documented periods are group time, and a timed code's minutes inside them are not one-on-one
 *                           minutes (CMS Pub 100-02 ch. 15 §230 A; MW-G001)
 */
public record UnitResult(UnitMethod method, int totalTimedMinutes, int timedUnits, int totalUnits,
                         List<CodeUnits> lines, boolean professionalChoice, List<String> tiedCodes,
                         List<Map<String, Integer>> alternatives, Map<String, String> pooledAddOns,
                         List<String> tiedWithAssistant, Map<String, UnitResult> byDiscipline,
                         java.util.Set<String> untimedServices, java.util.Set<String> groupServices) {

    public UnitResult {
        Objects.requireNonNull(method, "method");
        lines = List.copyOf(lines);
        tiedCodes = List.copyOf(tiedCodes);
        alternatives = List.copyOf(alternatives);
        pooledAddOns = pooledAddOns.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(
                new LinkedHashMap<>(pooledAddOns));
        tiedWithAssistant = List.copyOf(tiedWithAssistant);
        byDiscipline = byDiscipline.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(
                new LinkedHashMap<>(byDiscipline));
        untimedServices = java.util.Set.copyOf(untimedServices);
        groupServices = java.util.Set.copyOf(groupServices);
    }

    /** A result without group codes ({@link #groupServices}). */
    public UnitResult(UnitMethod method, int totalTimedMinutes, int timedUnits, int totalUnits,
                      List<CodeUnits> lines, boolean professionalChoice, List<String> tiedCodes,
                      List<Map<String, Integer>> alternatives, Map<String, String> pooledAddOns,
                      List<String> tiedWithAssistant, Map<String, UnitResult> byDiscipline,
                      java.util.Set<String> untimedServices) {
        this(method, totalTimedMinutes, timedUnits, totalUnits, lines, professionalChoice, tiedCodes, alternatives,
                pooledAddOns, tiedWithAssistant, byDiscipline, untimedServices, java.util.Set.of());
    }

    /** A result of the parts of a visit of several disciplines, or of one discipline, without untimed services. */
    public UnitResult(UnitMethod method, int totalTimedMinutes, int timedUnits, int totalUnits,
                      List<CodeUnits> lines, boolean professionalChoice, List<String> tiedCodes,
                      List<Map<String, Integer>> alternatives, Map<String, String> pooledAddOns,
                      List<String> tiedWithAssistant, Map<String, UnitResult> byDiscipline) {
        this(method, totalTimedMinutes, timedUnits, totalUnits, lines, professionalChoice, tiedCodes, alternatives,
                pooledAddOns, tiedWithAssistant, byDiscipline, java.util.Set.of());
    }

    /**
     * This result, its untimed one-on-one services {@code codes} ({@link #untimedServices}) and its group codes
     * {@code groups} ({@link #groupServices}).
     */
    public UnitResult withOwnTimeServices(java.util.Set<String> codes, java.util.Set<String> groups) {
        return new UnitResult(method, totalTimedMinutes, timedUnits, totalUnits, lines, professionalChoice, tiedCodes,
                alternatives, pooledAddOns, tiedWithAssistant, byDiscipline, codes, groups);
    }

    /**
     * A tie at the cut-off in these units, as a sentence to end a message (" In Medicare's count, a tie at the cut-off
     * between 97116 and 97140 decides a unit there: which of them takes it is the qualified professional's choice (the
     * alternative is ...)."); empty without one.
     *
     * @param whose whose count these units are ("Medicare's count")
     */
    public String tieNote(String whose) {
        return Explanations.tieNote(this, whose);
    }

    /** Whether {@code code} is one of the visit's untimed one-on-one services ({@link #untimedServices}). */
    public boolean isUntimedService(String code) {
        return untimedServices.contains(code);
    }

    /** Whether {@code code} is one of the visit's group codes ({@link #groupServices}). */
    public boolean isGroupService(String code) {
        return groupServices.contains(code);
    }

    /** A result of one discipline's minutes. */
    public UnitResult(UnitMethod method, int totalTimedMinutes, int timedUnits, int totalUnits,
                      List<CodeUnits> lines, boolean professionalChoice, List<String> tiedCodes,
                      List<Map<String, Integer>> alternatives, Map<String, String> pooledAddOns,
                      List<String> tiedWithAssistant) {
        this(method, totalTimedMinutes, timedUnits, totalUnits, lines, professionalChoice, tiedCodes, alternatives,
                pooledAddOns, tiedWithAssistant, Map.of());
    }

    /** A result whose tie (if any) has no code with an assistant's minutes. */
    public UnitResult(UnitMethod method, int totalTimedMinutes, int timedUnits, int totalUnits,
                      List<CodeUnits> lines, boolean professionalChoice, List<String> tiedCodes,
                      List<Map<String, Integer>> alternatives, Map<String, String> pooledAddOns) {
        this(method, totalTimedMinutes, timedUnits, totalUnits, lines, professionalChoice, tiedCodes, alternatives,
                pooledAddOns, List.of());
    }

    /** A result with no add-on pooled with its base. */
    public UnitResult(UnitMethod method, int totalTimedMinutes, int timedUnits, int totalUnits,
                      List<CodeUnits> lines, boolean professionalChoice, List<String> tiedCodes,
                      List<Map<String, Integer>> alternatives) {
        this(method, totalTimedMinutes, timedUnits, totalUnits, lines, professionalChoice, tiedCodes, alternatives,
                Map.of());
    }

    /**
     * The count {@code code} was counted in: its discipline's part of a visit of several disciplines
     * ({@link #byDiscipline}), else this result.
     */
    public UnitResult partOf(String code) {
        for (UnitResult part : byDiscipline.values()) {
            for (CodeUnits l : part.lines()) {
                if (l.code().equals(code)) {
                    return part;
                }
            }
        }
        return this;
    }

    /** Whether {@code code} was counted as a timed code (false when the count does not list it). */
    public boolean isTimed(String code) {
        for (int i = 0, n = lines.size(); i < n; i++) { // by index: asked per line and minute, no iterator
            CodeUnits l = lines.get(i);
            if (l.code().equals(code)) {
                return l.kind() == CodeKind.TIMED;
            }
        }
        return false;
    }

    /** Units of a code, 0 when absent. */
    public int unitsOf(String code) {
        for (int i = 0, n = lines.size(); i < n; i++) {
            CodeUnits l = lines.get(i);
            if (l.code().equals(code)) {
                return l.units();
            }
        }
        return 0;
    }

    /** Code to units, in line order. */
    public Map<String, Integer> unitsByCode() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (CodeUnits l : lines) {
            m.put(l.code(), l.units());
        }
        return m;
    }

    /** The steps in plain words, good enough to paste into an appeal. */
    public List<String> explanation() {
        return Explanations.explain(this);
    }
}
