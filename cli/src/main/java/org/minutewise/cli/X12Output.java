package org.minutewise.cli;

import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.formats.InputException;
import org.minutewise.formats.VisitFormat;
import org.minutewise.formats.VisitOutput;
import org.minutewise.formats.x12.X12Envelope;
import org.minutewise.formats.x12.X12Writer;

/**
 * The 837 of {@code check --out x12} and {@code convert --out x12}, alike: the claims that can be written are written,
 * and each visit the 837 cannot carry (no billing provider, no subscriber member id, ...) is said on stderr with its
 * place in the input, its id and the missing field, as a bad visit of a JSON or CSV output is (exit 2 at the end). A
 * claim written with findings that block is said on stderr by its visit id and the blocking finding ids, and the
 * command ends with exit 1 (done, a finding blocks) unless a visit was left out (exit 2).
 */
final class X12Output {
    /**
     * The interchange (empty when no claim could be written), how many visits were left out, and how many claims
     * written have findings that block them.
     */
    record Written(String text, int refused, int blocked) {
    }

    private X12Output() {
    }

    /**
     * The CSV layout has no billing provider, subscriber, patient name or payer name and id (README, the CSV
     * layout): no visit read from it can go on an 837, so {@code --out x12} of a CSV input is refused before a visit
     * is read.
     */
    static void refuseCsv(VisitFormat in) {
        if (in == VisitFormat.CSV) {
            throw new InputException("--out x12", "the CSV layout has no billing provider, subscriber or payer name "
                    + "and id (see README, the CSV layout), which an 837 needs for every claim: give the visits as "
                    + "visit JSON, JSON Lines or a FHIR Bundle to write an 837");
        }
    }

    /**
     * What the reader did not keep of a result's input ({@link org.minutewise.formats.VisitInput.Result#notes}: a
     * FHIR Bundle's, an 837's), said on stderr by {@code check} and {@code convert} alike, one line each:
     * {@code minutewise: visit V-1: not carried: ...}.
     */
    static void notes(org.minutewise.formats.VisitInput.Result r, PrintWriter err) {
        for (String note : r.notes()) {
            err.println("minutewise: " + r.visit().map(v -> "visit " + v.id() + ": ").orElse("") + "not carried: "
                    + note);
        }
    }

    /** Where each read result was in its input, in the words the input's own errors use. */
    static List<String> positions(List<? extends org.minutewise.formats.VisitInput.Result> read, VisitFormat format,
                                  String text) {
        List<String> out = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        if (format == VisitFormat.JSONL) {
            // VisitInput reads one result from each line that is not blank.
            String[] all = text.split("\n", -1);
            for (int i = 0; i < all.length; i++) {
                if (!all[i].strip().isEmpty()) {
                    lines.add(i + 1);
                }
            }
        }
        boolean array = format == VisitFormat.JSON && text.stripLeading().startsWith("[");
        for (int i = 0; i < read.size(); i++) {
            out.add(switch (format) {
                case JSON -> array ? "[" + i + "]" : "";
                case JSONL -> i < lines.size() ? "line " + lines.get(i) : "";
                case X12 -> read.get(i).line() > 0 ? "segment " + read.get(i).line() : "";
                default -> read.size() == 1 ? "" : "visit " + (i + 1) + " of the input";
            });
        }
        return out;
    }

    /**
     * Writes what can be written. {@code positions} holds each checked result's place in the input (parallel to
     * {@code results}); a claim written with findings that block is said on stderr, naming the visit and the ids.
     */
    static Written write(List<CheckResult> results, List<String> positions, ReferenceData ref, X12Envelope env,
                         LocalDateTime created, PrintWriter err) {
        X12Writer.Partial p;
        try {
            p = VisitOutput.x12Writable(results, ref, env, created);
        } catch (InputException e) {
            // The group control number a mixed batch cannot take (its second group's would pass 999999999).
            throw e.path().startsWith("envelope.") ? flagged(e) : e;
        }
        Set<Integer> left = new HashSet<>();
        for (X12Writer.Refused r : p.refused()) {
            left.add(r.index());
            String at = positions.get(r.index());
            // Every field the claim lacks, one line each (all at once: the user fixes them in one pass); the last
            // says the claim is not in the 837.
            List<InputException> each = r.error() instanceof org.minutewise.formats.InputProblems several
                    ? several.problems() : List.of(r.error());
            for (int k = 0; k < each.size(); k++) {
                InputException e = each.get(k);
                InputException placed = at.isEmpty() ? e : at.startsWith("[") ? e.within(at)
                        : new InputException(e.path().isEmpty() ? at : at + ", " + e.path(), e.detail());
                err.println("minutewise: " + placed.getMessage() + " (visit " + r.result().visit().id() + ")"
                        + (k < each.size() - 1 ? "" : ": its claim is not in the 837"
                        + (results.size() > 1 ? "; the others are written" : "")));
            }
        }
        List<CheckResult> written = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            if (!left.contains(i)) {
                written.add(results.get(i));
            }
        }
        int blocked = 0;
        for (CheckResult r : written) {
            List<String> blocks = r.findings().stream().filter(Finding::blocks).map(Finding::ruleId).distinct()
                    .toList();
            if (!blocks.isEmpty()) {
                blocked++;
                err.println("minutewise: note: visit " + r.visit().id() + " is written with findings that block "
                        + "its claim (" + String.join(", ", blocks) + "); see check --json before it is sent");
            }
        }
        VisitOutput.x12Notes(written, ref).forEach(n -> err.println("minutewise: note: " + n));
        return new Written(p.x12().orElse(""), p.refused().size(), blocked);
    }

    /** An envelope value's error, named by its flag ({@link X12Options}). */
    static InputException flagged(InputException e) {
        String flag = switch (e.path()) {
            case "envelope.senderId" -> "--x12-sender";
            case "envelope.receiverId" -> "--x12-receiver";
            case "envelope.interchangeControlNumber", "envelope.groupControlNumber" -> "--x12-control";
            case "envelope.submitterName" -> "--x12-submitter-name";
            case "envelope.submitterContact" -> "--x12-submitter-contact";
            case "envelope.submitterPhone" -> "--x12-submitter-phone";
            default -> e.path();
        };
        return new InputException(flag, e.detail());
    }
}
