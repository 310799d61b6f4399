package org.minutewise.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.check.Rule;
import org.minutewise.core.check.RuleBook;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.core.codes.CodeCatalog;
import org.minutewise.core.codes.CodeInfo;
import org.minutewise.core.codes.DiagnosisCatalog;
import org.minutewise.core.model.Discipline;
import org.minutewise.core.model.Certification;
import org.minutewise.core.model.Period;
import org.minutewise.core.model.Provider;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Visit;
import org.minutewise.core.payer.PayerKind;
import org.minutewise.core.payer.PayerProfile;
import org.minutewise.core.payer.PayerProfiles;
import org.minutewise.core.units.CodeMinutes;
import org.minutewise.core.units.UnitMethod;

/**
 * A small hand-built code catalog and reference data for core tests (core cannot depend on refdata).
 * The kinds follow RULES.md §1.
 */
public final class Fixtures {
    /** Timed codes of RULES.md §1 used by the tests (per 15 minutes). */
    public static final List<String> TIMED = List.of("97110", "97112", "97116", "97140", "97530", "97535",
            "97032", "97129");
    /** Untimed (service based) codes: 1 unit a day whatever the minutes. */
    public static final List<String> UNTIMED = List.of("97161", "97150", "97010", "G0283");

    public static final CodeCatalog CATALOG = catalog();
    public static final PayerProfile MEDICARE = PayerProfile.simple("medicare", PayerKind.MEDICARE, UnitMethod.CMS);
    public static final PayerProfile COMMERCIAL = PayerProfile.simple("commercial", PayerKind.COMMERCIAL,
            UnitMethod.CPT);
    public static final ReferenceData REF = new ReferenceData(CATALOG, PayerProfiles.of(List.of(MEDICARE,
            COMMERCIAL)));
    public static final LocalDate DOS = LocalDate.of(2026, 3, 2);

    private Fixtures() {
    }

    private static CodeCatalog catalog() {
        List<CodeInfo> codes = new ArrayList<>();
        codes.add(timed("97110", "Therapeutic exercise"));
        codes.add(timed("97112", "Neuromuscular reeducation"));
        codes.add(timed("97116", "Gait training"));
        codes.add(timed("97140", "Manual therapy"));
        codes.add(timed("97530", "Therapeutic activities"));
        codes.add(timed("97535", "Self-care training"));
        codes.add(new CodeInfo("97032", "Electrical stimulation, manual", true, false, true, false, false, false,
                Optional.empty(), Set.of(Discipline.PT, Discipline.OT), LocalDate.of(1990, 1, 1), Optional.empty()));
        codes.add(timed("97129", "Cognitive function intervention, first 15 minutes"));
        codes.add(new CodeInfo("97130", "Cognitive function intervention, each additional 15 minutes", true, true,
                false, false, false, false, Optional.of("97129"), Set.of(Discipline.SLP), LocalDate.of(2020, 1, 1),
                Optional.empty()));
        codes.add(new CodeInfo("97161", "PT evaluation, low complexity", false, false, false, false, true, false,
                Optional.empty(), Set.of(Discipline.PT), LocalDate.of(2017, 1, 1), Optional.empty()));
        codes.add(new CodeInfo("97150", "Therapeutic procedures, group", false, false, false, false, false, true,
                Optional.empty(), Set.of(Discipline.PT, Discipline.OT), LocalDate.of(1990, 1, 1), Optional.empty()));
        codes.add(supervised("97010", "Hot or cold packs"));
        codes.add(supervised("G0283", "Unattended electrical stimulation"));
        return new CodeCatalog("test-1", codes);
    }

    private static CodeInfo timed(String code, String label) {
        return new CodeInfo(code, label, true, true, false, false, false, false, Optional.empty(),
                Set.of(Discipline.PT, Discipline.OT), LocalDate.of(1990, 1, 1), Optional.empty());
    }

    private static CodeInfo supervised(String code, String label) {
        return new CodeInfo(code, label, false, false, false, true, false, false, Optional.empty(),
                Set.of(Discipline.PT, Discipline.OT), LocalDate.of(1990, 1, 1), Optional.empty());
    }

    /** Minutes per code from {@code "97112:24"} items. */
    public static List<CodeMinutes> minutes(String... items) {
        List<CodeMinutes> out = new ArrayList<>();
        for (String item : items) {
            int colon = item.indexOf(':');
            out.add(new CodeMinutes(item.substring(0, colon), Integer.parseInt(item.substring(colon + 1))));
        }
        return out;
    }

    /** A line documented with clock periods only, e.g. {@code line("97112", Role.PT, "09:00-09:24")}. */
    public static ServiceLine line(String code, Role role, String... periods) {
        return withPeriods(code, OptionalInt.empty(), Provider.of(role), periods);
    }

    /** A line with a provider id and periods. */
    public static ServiceLine line(String code, String providerId, Role role, String... periods) {
        return withPeriods(code, OptionalInt.empty(), Provider.of(providerId, role), periods);
    }

    /** A line with stated minutes and periods. */
    public static ServiceLine stated(String code, int minutes, Role role, String... periods) {
        return withPeriods(code, OptionalInt.of(minutes), Provider.of(role), periods);
    }

    private static ServiceLine withPeriods(String code, OptionalInt minutes, Provider provider, String... periods) {
        List<Period> ps = new ArrayList<>();
        for (String p : periods) {
            int dash = p.indexOf('-');
            ps.add(Period.of(p.substring(0, dash), p.substring(dash + 1)));
        }
        return new ServiceLine(code, minutes, ps, provider, Optional.empty(), Optional.empty());
    }

    /**
     * A Medicare PT visit on {@link #DOS} under a certified plan of care, its total time the lines' minutes (at most a
     * day's, the most a visit's total can be: lines of more than a day together are MW-U008's case).
     */
    public static Visit visit(ServiceLine... lines) {
        int total = 0;
        for (ServiceLine l : lines) {
            total += l.minutes();
        }
        total = Math.min(total, Visit.MAX_MINUTES);
        return Visit.builder("V-T", DOS).services(List.of(lines)).totalTreatmentMinutes(total).diagnosis("R26.81")
                .certification(new Certification(Optional.of(DOS.minusDays(30)), Optional.of(DOS.plusDays(60)),
                        Optional.of("Dr. Test"), Optional.of("1245319599")))
                .build();
    }

    /** The findings one rule reports on a visit, run through the real checker. */
    public static List<Finding> findings(Rule rule, Visit visit) {
        CheckResult r = new VisitChecker(REF, RuleBook.of(List.of(rule))).check(visit);
        return r.findings();
    }
}
