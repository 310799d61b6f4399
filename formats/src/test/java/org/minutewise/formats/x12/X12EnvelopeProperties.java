package org.minutewise.formats.x12;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.model.Address;
import org.minutewise.core.model.BillingProvider;
import org.minutewise.core.model.Certification;
import org.minutewise.core.model.ClaimInfo;
import org.minutewise.core.model.Discipline;
import org.minutewise.core.model.Patient;
import org.minutewise.core.model.Provider;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Setting;
import org.minutewise.core.model.Subscriber;
import org.minutewise.core.model.Visit;
import org.minutewise.core.model.YearToDate;

/**
 * For any batch of valid visits: SE01 counts the segments from ST to SE, ST02 = SE02, GS06 = GE02,
 * ISA13 = IEA02, GE01 = number of ST in the group, IEA01 = number of GS; and StAEDI finds no error against
 * the shipped schemas.
 */
class X12EnvelopeProperties {
    private static final String[] NPIS = {"1987654328", "1543210987", "1765432103"};
    private static final String[] DIAGNOSES = {"I69.351", "R26.81", "M17.11", "Z96.651", "S52.501D", "M62.81",
        "R13.12", "I63.9"};

    @Property(tries = 60)
    void envelopeCountsAndControlNumbersAreRight(@ForAll("batches") List<Visit> visits,
                                                 @ForAll @IntRange(min = 1, max = 4) int perSet,
                                                 @ForAll @IntRange(min = 1, max = 999_999_999) int icn,
                                                 @ForAll @IntRange(min = 1, max = 99_999) int gcn,
                                                 @ForAll boolean lineBreaks) {
        List<CheckResult> results = new ArrayList<>();
        for (Visit v : visits) {
            results.add(X12Fixtures.CHECKER.check(v));
        }
        X12Envelope env = X12Fixtures.ENVELOPE.withControlNumbers(icn, gcn).withClaimsPerTransaction(perSet)
                .withLineBreaks(lineBreaks);
        String edi = X12Writer.write(results, env, X12Fixtures.NOW);

        List<String[]> segs = new ArrayList<>();
        for (String s : edi.split("~")) {
            String t = s.strip();
            if (!t.isEmpty()) {
                segs.add(t.split("\\*", -1));
            }
        }
        String[] isa = segs.get(0);
        String[] iea = segs.get(segs.size() - 1);
        assertThat(isa[0]).isEqualTo("ISA");
        assertThat(iea[0]).isEqualTo("IEA");
        assertThat(iea[2]).isEqualTo(isa[13]).isEqualTo(String.format("%09d", icn));
        int groups = 0;
        int claims = 0;
        int sets = 0;
        int setsInGroup = 0;
        String gs06 = "";
        int stAt = -1;
        String st02 = "";
        // The hierarchy: HL01 runs 1, 2, ... in a set; a subscriber (22) under a billing provider (20), a patient
        // (23, a dependent) under a subscriber; HL04 1 exactly when the next HL is its child; a claim under a patient,
        // or under a subscriber without one (HL04 0).
        java.util.Map<String, String> levels = new java.util.HashMap<>();
        String[] lastHl = null;
        for (int i = 1; i < segs.size() - 1; i++) {
            String[] s = segs.get(i);
            switch (s[0]) {
                case "GS" -> {
                    groups++;
                    gs06 = s[6];
                    setsInGroup = 0;
                }
                case "GE" -> {
                    assertThat(s[2]).isEqualTo(gs06);
                    assertThat(Integer.parseInt(s[1])).isEqualTo(setsInGroup);
                }
                case "HL" -> {
                    assertThat(s[1]).isEqualTo(Integer.toString(levels.size() + 1));
                    String parentLevel = switch (s[3]) {
                        case "20" -> null;
                        case "22" -> "20";
                        case "23" -> "22";
                        default -> throw new AssertionError("HL03 " + s[3]);
                    };
                    assertThat(parentLevel == null ? s[2].isEmpty() : parentLevel.equals(levels.get(s[2])))
                            .as("HL %s's parent %s", s[1], s[2]).isTrue();
                    if (lastHl != null) {
                        assertThat(lastHl[4]).as("HL04 of HL %s", lastHl[1]).isEqualTo(s[2].equals(lastHl[1]) ? "1"
                                : "0");
                    }
                    levels.put(s[1], s[3]);
                    lastHl = s;
                }
                case "ST" -> {
                    levels.clear();
                    lastHl = null;
                    stAt = i;
                    st02 = s[2];
                    sets++;
                    setsInGroup++;
                }
                case "SE" -> {
                    assertThat(Integer.parseInt(s[1])).isEqualTo(i - stAt + 1);
                    assertThat(s[2]).isEqualTo(st02);
                }
                case "CLM" -> {
                    claims++;
                    assertThat(lastHl[3].equals("23") || lastHl[3].equals("22") && lastHl[4].equals("0"))
                            .as("claim %s under HL %s", s[1], lastHl[1]).isTrue();
                }
                default -> {
                }
            }
        }
        assertThat(Integer.parseInt(iea[1])).isEqualTo(groups);
        assertThat(claims).isEqualTo(visits.size());
        long professional = visits.stream().filter(v -> !v.setting().institutional()).count();
        assertThat(groups).isEqualTo((professional > 0 ? 1 : 0) + (professional < visits.size() ? 1 : 0));
        assertThat(sets).isEqualTo((int) (ceil(professional, perSet) + ceil(visits.size() - professional, perSet)));
        assertThat(X12Validation.errors(edi)).isEmpty();
    }

    private static long ceil(long n, int per) {
        return (n + per - 1) / per;
    }

    @Provide
    Arbitrary<List<Visit>> batches() {
        return visit().list().ofMinSize(1).ofMaxSize(9).map(X12EnvelopeProperties::uniqueIds);
    }

    private static List<Visit> uniqueIds(List<Visit> vs) {
        List<Visit> out = new ArrayList<>();
        for (int i = 0; i < vs.size(); i++) {
            Visit v = vs.get(i);
            Visit.Builder b = Visit.builder("P-" + i, v.dateOfService());
            b.payer(v.payer()).planOfCare(v.planOfCare()).setting(v.setting()).patient(v.patient())
                    .diagnoses(v.diagnoses()).services(v.services()).claimInfo(v.claimInfo())
                    .certification(v.certification().orElse(null));
            out.add(b.build());
        }
        return out;
    }

    private Arbitrary<Visit> visit() {
        Arbitrary<Setting> setting = Arbitraries.of(Setting.values());
        Arbitrary<Discipline> plan = Arbitraries.of(Discipline.values());
        Arbitrary<LocalDate> date = Arbitraries.integers().between(0, 700).map(d -> LocalDate.of(2025, 1, 1)
                .plusDays(d));
        Arbitrary<List<String>> dx = Arbitraries.of(DIAGNOSES).list().ofMinSize(1).ofMaxSize(5).uniqueElements();
        Arbitrary<Integer> clinic = Arbitraries.integers().between(0, 1);
        Arbitrary<Integer> member = Arbitraries.integers().between(0, 2);
        Arbitrary<String> payer = Arbitraries.of("medicare", "commercial");
        Arbitrary<List<Integer>> minutes = Arbitraries.integers().between(15, 45).list().ofMinSize(1).ofMaxSize(4);
        Arbitrary<Boolean> assistant = Arbitraries.of(true, false);
        return Combinators.combine(setting, plan, date, dx, clinic, member, payer, minutes).as(
                (s, p, d, diagnoses, c, m, py, mins) -> new Object[] {s, p, d, diagnoses, c, m, py, mins})
                .flatMap(a -> assistant.map(asst -> build((Setting) a[0], (Discipline) a[1], (LocalDate) a[2],
                        cast(a[3]), (Integer) a[4], (Integer) a[5], (String) a[6], cast(a[7]), asst)));
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> cast(Object o) {
        return (List<T>) o;
    }

    private static Visit build(Setting setting, Discipline plan, LocalDate date, List<String> dx, int clinic,
                               int member, String payer, List<Integer> minutes, boolean assistant) {
        String[] codes = plan == Discipline.SLP ? new String[] {"92507", "92526", "92610", "92523"}
                : new String[] {"97110", "97112", "97140", "97530"};
        Role therapist = switch (plan) {
            case PT -> Role.PT;
            case OT -> Role.OT;
            case SLP -> Role.SLP;
        };
        String npi = NPIS[plan.ordinal()];
        List<ServiceLine> services = new ArrayList<>();
        for (int i = 0; i < minutes.size(); i++) {
            boolean byAssistant = assistant && i == minutes.size() - 1 && plan != Discipline.SLP;
            Provider p = byAssistant
                    ? new Provider(Optional.of("A1"), plan == Discipline.OT ? Role.OTA : Role.PTA, Optional.empty(),
                    Optional.of("T1"), Optional.of(npi))
                    : new Provider(Optional.of("T1"), therapist, Optional.of(npi));
            services.add(new ServiceLine(codes[i], OptionalInt.of(minutes.get(i)), List.of(), p, Optional.empty(),
                    Optional.empty(), Optional.of(BigDecimal.valueOf(40 + 7L * minutes.get(i), 1))));
        }
        BillingProvider bp = new BillingProvider(Optional.of(clinic == 0 ? "1234567893" : "1678901236"),
                Optional.of(clinic == 0 ? "123456789" : "987654321"), Optional.of(clinic == 0 ? "Clinic A" : "Clinic B"),
                Optional.of(new Address("1 Main St", Optional.empty(), "Columbus", "OH", "430041234")));
        Subscriber sub = new Subscriber(Optional.of("MEM" + member), Optional.of("Last" + member),
                Optional.of("First"), Optional.of(LocalDate.of(1950, 1, 1).plusDays(member)), Optional.of("U"),
                Optional.of(new Address(member + " Elm St", Optional.empty(), "Columbus", "OH", "43215")));
        Patient patient = Patient.UNKNOWN;
        if (payer.equals("commercial") && member > 0) {
            // Members 1 and 2 of a commercial plan are dependents (a spouse, a child) on member 0's policy.
            sub = new Subscriber(Optional.of("MEM0"), Optional.of("Last0"), Optional.of("First"), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.of(member == 1 ? "01" : "19"));
            patient = new Patient(Optional.empty(), Optional.of(LocalDate.of(1950, 1, 1).plusDays(member)),
                    YearToDate.NONE, YearToDate.NONE, Optional.of("Last" + member), Optional.of("First"),
                    Optional.of("U"), Optional.of(new Address("0 Elm St", Optional.empty(), "Columbus", "OH",
                    "43215")));
        }
        ClaimInfo ci = new ClaimInfo(bp, Optional.of("Payer " + payer), Optional.of(payer.toUpperCase()), sub,
                Optional.empty());
        // The certifying physician: the 837I's attending provider (2310A, required there), the 837P's referring one.
        Certification cert = new Certification(Optional.empty(), Optional.empty(), Optional.of("Walter Hines, MD"),
                Optional.of("1070048826"));
        return Visit.builder("V", date).payer(payer).planOfCare(plan).setting(setting).diagnoses(dx)
                .services(services).claimInfo(ci).patient(patient).certification(cert).build();
    }
}
