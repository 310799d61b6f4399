package org.minutewise.core.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One documented service: a code with its minutes and/or time periods, who furnished it and how.
 * The same code may appear on several lines (separate periods, different providers); its minutes add up.
 *
 * @param code        the CPT or HCPCS code as written (well formed, maybe unknown to the catalog)
 * @param statedMinutes the minutes the note states for this line, if any
 * @param periods     the clock periods, if documented; when present they decide the minutes
 * @param provider    who furnished it
 * @param mode        one-on-one, group or supervised, if stated (the code decides the default)
 * @param discipline  the line's own plan of care, overriding the visit's (a PT and an OT plan the same day)
 * @param charge      the clinic's charge for the line, if given (else the clinic fee schedule)
 * @param regions     the body regions the service treated, if documented (the region rule of manipulation)
 * @param description what was done, in words, for a claim line that needs it: an unlisted code (97799) is billed
 *                    by report, with this description on the claim (837P SV101-7)
 */
public record ServiceLine(String code, OptionalInt statedMinutes, List<Period> periods, Provider provider,
                          Optional<Mode> mode, Optional<Discipline> discipline, Optional<BigDecimal> charge,
                          List<BodyRegion> regions, Optional<String> description) {

    public ServiceLine {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(statedMinutes, "statedMinutes");
        periods = List.copyOf(periods);
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(discipline, "discipline");
        Objects.requireNonNull(charge, "charge");
        regions = List.copyOf(regions);
        Objects.requireNonNull(description, "description");
    }

    public ServiceLine(String code, OptionalInt statedMinutes, List<Period> periods, Provider provider,
                       Optional<Mode> mode, Optional<Discipline> discipline, Optional<BigDecimal> charge,
                       List<BodyRegion> regions) {
        this(code, statedMinutes, periods, provider, mode, discipline, charge, regions, Optional.empty());
    }

    public ServiceLine(String code, OptionalInt statedMinutes, List<Period> periods, Provider provider,
                       Optional<Mode> mode, Optional<Discipline> discipline, Optional<BigDecimal> charge) {
        this(code, statedMinutes, periods, provider, mode, discipline, charge, List.of());
    }

    public ServiceLine(String code, OptionalInt statedMinutes, List<Period> periods, Provider provider,
                       Optional<Mode> mode, Optional<Discipline> discipline) {
        this(code, statedMinutes, periods, provider, mode, discipline, Optional.empty());
    }

    public static ServiceLine of(String code, int minutes, Role role) {
        return new ServiceLine(code, OptionalInt.of(minutes), List.of(), Provider.of(role), Optional.empty(),
                Optional.empty());
    }

    public static ServiceLine untimed(String code, Role role) {
        return new ServiceLine(code, OptionalInt.empty(), List.of(), Provider.of(role), Optional.empty(),
                Optional.empty());
    }

    /** Minutes from the periods when there are any, else the stated minutes, else 0. */
    public int minutes() {
        if (!periods.isEmpty()) {
            return periodMinutes();
        }
        return statedMinutes.orElse(0);
    }

    public int periodMinutes() {
        int sum = 0;
        for (int i = 0; i < periods.size(); i++) { // indexed: no iterator, read for every line by many rules
            sum += periods.get(i).minutes();
        }
        return sum;
    }

    public boolean hasTime() {
        return statedMinutes.isPresent() || !periods.isEmpty();
    }

    public ServiceLine withProvider(Provider p) {
        return new ServiceLine(code, statedMinutes, periods, p, mode, discipline, charge, regions, description);
    }

    public ServiceLine withPeriods(List<Period> ps) {
        return new ServiceLine(code, statedMinutes, ps, provider, mode, discipline, charge, regions, description);
    }

    public ServiceLine withMode(Mode m) {
        return new ServiceLine(code, statedMinutes, periods, provider, Optional.of(m), discipline, charge, regions,
                description);
    }

    public ServiceLine withRegions(List<BodyRegion> r) {
        return new ServiceLine(code, statedMinutes, periods, provider, mode, discipline, charge, r, description);
    }

    public ServiceLine withDiscipline(Discipline d) {
        return new ServiceLine(code, statedMinutes, periods, provider, mode, Optional.of(d), charge, regions,
                description);
    }

    public ServiceLine withDescription(Optional<String> d) {
        return new ServiceLine(code, statedMinutes, periods, provider, mode, discipline, charge, regions, d);
    }
}
