package org.minutewise.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.core.claim.ClaimLine;
import org.minutewise.core.model.BilledLine;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Visit;

/**
 * The order of a visit's service lines (and of its billed lines) does not matter: every golden visit, checked with
 * its lines in reverse order, gets the same units, the same claim lines, the same estimate and the same findings,
 * each with the same words once the line numbers in paths and texts ({@code services[2]}) are set aside (a message
 * lists the codes in the order of the lines: "2 timed codes are billed (97110, 97112)"). A biller who types the
 * codes in another order, or an EMR that sends them so, must not get another claim or another reason.
 *
 * <p>One thing follows the order on purpose: on a professional claim whose lines cross the KX threshold, KX goes on
 * the line whose amount crosses it and every later line (RULES.md §4), so which line is "later" is the claim's
 * order. For such a visit the claim lines are compared without KX.
 */
class ServiceOrderTest {
    private static final Pattern LINE_INDEX = Pattern.compile("(services|billed|claimLines)\\[\\d+]");

    @TestFactory
    Stream<DynamicTest> reversingTheLinesChangesNothing() throws IOException {
        ReferenceData ref = GoldenVisitsTest.refData();
        VisitChecker checker = new VisitChecker(ref);
        VisitJsonReader reader = new VisitJsonReader(ref);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : GoldenVisitsTest.visitFiles()) {
            JsonNode input = reader.parse(Files.readString(file, StandardCharsets.UTF_8));
            Visit visit = reader.read(input);
            if (visit.services().size() + visit.billed().size() < 2) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                CheckResult asGiven = checker.check(visit);
                CheckResult reversed = checker.check(reversed(visit));
                assertThat(reversed.units().totalUnits()).as("total units").isEqualTo(asGiven.units().totalUnits());
                assertThat(reversed.units().timedUnits()).as("timed units").isEqualTo(asGiven.units().timedUnits());
                boolean kxCrossesOnThisClaim = crossesKx(asGiven);
                assertThat(lines(reversed, kxCrossesOnThisClaim)).as("claim lines")
                        .isEqualTo(lines(asGiven, kxCrossesOnThisClaim));
                assertThat(reversed.claim().estimate().totalAllowed()).as("estimate")
                        .isEqualByComparingTo(asGiven.claim().estimate().totalAllowed());
                assertThat(findings(reversed)).as("findings").isEqualTo(findings(asGiven));
            }));
        }
        assertThat(tests).as("golden visits with two lines or more").hasSizeGreaterThan(40);
        return tests.stream();
    }

    private static Visit reversed(Visit v) {
        List<ServiceLine> services = new ArrayList<>(v.services());
        Collections.reverse(services);
        List<BilledLine> billed = new ArrayList<>(v.billed());
        Collections.reverse(billed);
        return new Visit(v.id(), v.dateOfService(), v.payer(), v.planOfCare(), v.setting(), v.patient(),
                v.diagnoses(), v.totalTreatmentMinutes(), services, v.note(), v.previousNote(), v.abn(),
                v.certification(), v.authorization(), v.overrides(), v.secondaryPayer(), v.purpose(), v.locality(),
                v.claimInfo(), billed, v.progressReport(), v.purposeStated());
    }

    /** Some of the claim's lines carry KX and some do not: the threshold is crossed on this claim. */
    private static boolean crossesKx(CheckResult r) {
        long kx = r.claim().lines().stream().filter(l -> l.modifiers().contains("KX")).count();
        return kx > 0 && kx < r.claim().lines().size();
    }

    /** The claim lines without their service indexes (and without KX when asked), sorted. */
    private static List<String> lines(CheckResult r, boolean withoutKx) {
        return r.claim().lines().stream().map(l -> line(l, withoutKx)).sorted().collect(Collectors.toList());
    }

    private static String line(ClaimLine l, boolean withoutKx) {
        List<String> modifiers = withoutKx
                ? l.modifiers().stream().filter(m -> !m.equals("KX")).collect(Collectors.toList()) : l.modifiers();
        return l.code() + " " + modifiers + " x" + l.units() + " dx" + l.diagnosisPointers() + " "
                + l.charge().map(c -> c.toPlainString()).orElse("-") + " " + l.renderingNpi().orElse("-")
                + (l.assistantUnit() ? " assistant" : "");
    }

    /** Each finding as id, severity, path and the words of its message sorted, line numbers set aside; sorted. */
    private static List<String> findings(CheckResult r) {
        return r.findings().stream()
                .map(f -> f.ruleId() + " " + f.severity() + " " + LINE_INDEX.matcher(f.path()).replaceAll("$1[]")
                        + ": " + words(LINE_INDEX.matcher(f.message()).replaceAll("$1[]")))
                .sorted().collect(Collectors.toList());
    }

    private static String words(String message) {
        return Stream.of(message.split("[\\s,;().]+")).sorted().collect(Collectors.joining(" "));
    }
}
