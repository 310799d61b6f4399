package org.minutewise.core.check.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.minutewise.core.check.CheckContext;
import org.minutewise.core.check.Citations;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.Rule;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.check.Severity;
import org.minutewise.core.codes.CodeInfo;
import org.minutewise.core.model.ServiceLine;

/**
 * An unlisted code (97799, unlisted physical medicine/rehabilitation service or procedure; {@link CodeInfo#unlisted()})
 * is billed by report: it has no RVUs (the Medicare contractor prices it, "carrier priced"), and the claim must say
 * what was done (837P SV101-7, the CMS-1500's item 19) so the payer can price and review it (MW-C013). An unlisted
 * code is not reported for a service a code describes: canalith repositioning (Epley, Semont, barbecue roll) is
 * 95992, which therapists may bill to Medicare since 2011 (MW-C014; not when the visit bills 95992 beside it).
 */
public final class UnlistedCode implements Rule {
    public static final RuleInfo NO_DESCRIPTION = new RuleInfo("MW-C013", Severity.WARN,
            "Unlisted code without a description of the service",
            "Give the service line a description of what was done (the visit JSON's \"description\" on the service, "
                    + "the CSV layout's description column, up to 80 characters, e.g. \"Canalith repositioning, R posterior canal, Epley x2\"): it is written "
                    + "to the 837P as SV101-7; name a comparable code for pricing if the payer asks, and keep the note "
                    + "that shows the service, its time and why it was needed.",
            "CMS Pub 100-04 ch. 26 §10.2 (item 19: a concise description of an unlisted procedure code); X12 837P "
                    + "(005010X222A1) SV101-7, required when SV101-2 is a non-specific procedure code",
            Citations.CLAIMS_MANUAL_CH26)
            .revised(2, "2026-12-07: the fix names the CSV layout's description column (new), and the rule covers "
                    + "the unlisted modality 97039 and therapeutic procedure 97139 (codes 2026.5)");
    public static final RuleInfo HAS_ITS_OWN_CODE = new RuleInfo("MW-C014", Severity.WARN,
            "Unlisted code for canalith repositioning, which has its own code (95992)",
            "Bill 95992 (canalith repositioning procedure(s), per day; 1 unit a day, untimed) for the repositioning "
                    + "maneuvers instead of 97799, with the therapy modifier of the plan of care; keep 97799 only for "
                    + "a service no code describes.",
            "NCCI Policy Manual ch. I (an unlisted code is not reported when a code describes the service); CMS "
                    + "physician fee schedule 2011 (95992 paid when a physical or occupational therapist furnishes "
                    + "it); RULES.md §1",
            Citations.NCCI_MANUAL)
            .inEffectFrom(LocalDate.of(2011, 1, 1));

    /** The code canalith repositioning is billed with. */
    public static final String CANALITH_REPOSITIONING = "95992";

    /**
     * Canalith repositioning named in a note: the procedure itself, or one of its maneuvers (Epley, Semont, the
     * barbecue roll or Lempert maneuver, Gufoni). Not "Dix-Hallpike", which is the test, not the treatment.
     */
    private static final Pattern REPOSITIONING = Pattern.compile("(?i)\\b(?:(?:canalith|particle)[ -]+repositioning"
            + "|epley|semont|(?:bbq|barbecue|barbeque)[ -]+roll|lempert|gufoni|liberatory maneuver)");

    /** A negation shortly before the phrase, in the same sentence: "no Epley today", "Epley deferred" is after. */
    private static final Pattern NEGATED_BEFORE = Pattern.compile("(?i)\\b(?:no|not|without|deferred|declined|"
            + "held|defer|contraindicated)\\b[^.;!?\\n]{0,30}$");
    private static final Pattern NEGATED_AFTER = Pattern.compile("(?i)^[^.;!?\\n]{0,20}\\b(?:deferred|declined|"
            + "held|not (?:performed|done|tolerated|indicated)|contraindicated)\\b");

    @Override
    public RuleInfo info() {
        return NO_DESCRIPTION;
    }

    @Override
    public List<RuleInfo> emits() {
        return List.of(NO_DESCRIPTION, HAS_ITS_OWN_CODE);
    }

    @Override
    public void check(CheckContext ctx, List<Finding> out) {
        List<ServiceLine> services = ctx.visit().services();
        // Repositioning already billed under its own code (97799 then is for something else): nothing to point to.
        boolean repositioningSaid = false;
        for (int i = 0; i < services.size(); i++) {
            repositioningSaid |= services.get(i).code().equals(CANALITH_REPOSITIONING);
        }
        for (int i = 0; i < services.size(); i++) {
            CodeInfo info = ctx.codeAt(i);
            if (info == null || !info.unlisted()) {
                continue;
            }
            ServiceLine s = services.get(i);
            if (s.description().filter(d -> !d.isBlank()).isEmpty()) {
                out.add(NO_DESCRIPTION.finding(CheckContext.path(i) + ".description", s.code() + " is an unlisted "
                        + "code (" + info.label() + "): it has no RVUs, and the payer prices it by report from a "
                        + "description of what was done. The line has none, so the 837P goes out without SV101-7 "
                        + "and the line is likely to be returned or denied."));
            }
            if (!repositioningSaid) {
                Optional<String> named = repositioning(ctx.visit().note());
                if (named.isPresent()) {
                    repositioningSaid = true; // one finding a visit: the fix is the same for each line
                    out.add(HAS_ITS_OWN_CODE.finding(CheckContext.path(i) + ".code", s.code() + " is billed and "
                            + "the note describes canalith repositioning (\"" + named.get() + "\"), which has its own "
                            + "code, " + CANALITH_REPOSITIONING + " (canalith repositioning procedure(s), per day)"
                            + (ctx.payer().isMedicare() ? "; physical and occupational therapists may bill it to "
                            + "Medicare since 2011" : "") + ". An unlisted code for a service a code describes is "
                            + "denied or recoded."));
                }
            }
        }
    }

    /** The first canalith repositioning phrase of the note that is not negated ("no Epley today"), if any. */
    static Optional<String> repositioning(Optional<String> note) {
        if (note.isEmpty()) {
            return Optional.empty();
        }
        String text = note.get();
        Matcher m = REPOSITIONING.matcher(text);
        while (m.find()) {
            String before = text.substring(Math.max(0, m.start() - 40), m.start());
            String after = text.substring(m.end(), Math.min(text.length(), m.end() + 30));
            if (!NEGATED_BEFORE.matcher(before).find() && !NEGATED_AFTER.matcher(after).find()) {
                return Optional.of(m.group());
            }
        }
        return Optional.empty();
    }
}
