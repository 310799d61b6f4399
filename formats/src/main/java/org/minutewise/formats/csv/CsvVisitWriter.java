package org.minutewise.formats.csv;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.minutewise.core.model.BilledLine;
import org.minutewise.core.model.BodyRegion;
import org.minutewise.core.model.Certification;
import org.minutewise.core.model.Period;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Visit;
import org.minutewise.refdata.Csv;

/** Visits in the documented CSV layout: what {@link CsvVisitReader} reads, this writes. */
public final class CsvVisitWriter {
    private CsvVisitWriter() {
    }

    /** The header of the layout without the columns written only when given ({@link CsvLayout#WHEN_GIVEN_COLUMNS}). */
    public static String header() {
        return header(List.of());
    }

    /** The header with those of {@link CsvLayout#WHEN_GIVEN_COLUMNS} given (as {@link #whenGiven} lists them). */
    public static String header(List<String> whenGiven) {
        List<String> cols = new ArrayList<>(CsvLayout.COLUMNS);
        cols.addAll(CsvLayout.EXTRA_COLUMNS);
        cols.addAll(whenGiven);
        return String.join(",", cols) + "\r\n";
    }

    /**
     * The columns of {@link CsvLayout#WHEN_GIVEN_COLUMNS} that some of the visits has a value for, in the layout's
     * order: a file of visits without descriptions, billed diagnosis pointers or clinicians' names keeps the header
     * (and the bytes) it had before those columns were added.
     */
    public static List<String> whenGiven(List<Visit> visits) {
        boolean description = false;
        boolean pointers = false;
        boolean name = false;
        boolean supervisorName = false;
        for (Visit v : visits) {
            for (ServiceLine l : v.services()) {
                description |= l.description().isPresent();
                name |= l.provider().name().isPresent();
                supervisorName |= l.provider().supervisorName().isPresent();
            }
            for (BilledLine b : v.billed()) {
                pointers |= !b.diagnosisPointers().isEmpty();
            }
        }
        List<String> out = new ArrayList<>(4);
        boolean[] given = {description, pointers, name, supervisorName};
        for (int i = 0; i < given.length; i++) {
            if (given[i]) {
                out.add(CsvLayout.WHEN_GIVEN_COLUMNS.get(i));
            }
        }
        return out;
    }

    /** A file of visits: the header with the columns they need ({@link #whenGiven}), then their rows. */
    public static String write(List<Visit> visits) {
        return write(visits, List.of());
    }

    /**
     * {@link #write(List)}, with {@code billedFrom} the service lines each visit's billed lines come from (per visit,
     * per billed line in order: a claim line's {@code serviceIndexes}; fewer, or none, where not known): a billed line
     * goes on a row of its own services first, so each CQ/CO line of a code split by supervisor sits on the row of
     * the assistant whose units it holds.
     */
    public static String write(List<Visit> visits, List<List<List<Integer>>> billedFrom) {
        List<String> given = whenGiven(visits);
        StringBuilder sb = new StringBuilder(header(given));
        for (int i = 0; i < visits.size(); i++) {
            sb.append(rows(visits.get(i), given, i < billedFrom.size() ? billedFrom.get(i) : List.of()));
        }
        return sb.toString();
    }

    /** The rows of one visit under {@link #header()}: without the columns written only when given. */
    public static String rows(Visit v) {
        return rows(v, List.of());
    }

    /**
     * The rows of one visit (no header) under {@link #header(List)} of {@code whenGiven}. Billed lines go on the rows
     * of their code in order, one each; billed lines left over (a code billed on more lines than it has rows, or not
     * documented) take rows of their own.
     */
    public static String rows(Visit v, List<String> whenGiven) {
        return rows(v, whenGiven, List.of());
    }

    /** {@link #rows(Visit, List)}, each billed line first on a row of the services {@code billedFrom} gives it. */
    static String rows(Visit v, List<String> whenGiven, List<List<Integer>> billedFrom) {
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        Map<String, Deque<BilledLine>> queues = new LinkedHashMap<>();
        for (BilledLine b : v.billed()) {
            queues.computeIfAbsent(b.code(), k -> new ArrayDeque<>()).add(b);
        }
        Map<Integer, BilledLine> onRow = billedRows(v, queues, billedFrom);
        int row = 0;
        for (ServiceLine l : v.services()) {
            List<Period> periods = l.periods().isEmpty() ? Collections.singletonList(null) : l.periods();
            for (int p = 0; p < periods.size(); p++) {
                Period per = periods.get(p);
                BilledLine billed = onRow.get(row++);
                String minutes = p == 0 && l.statedMinutes().isPresent() ? String.valueOf(l.statedMinutes()
                        .getAsInt()) : "";
                row(sb, v, first, l.code(), minutes, per == null ? "" : per.start().toString(),
                        per == null ? "" : per.end().toString(), l.provider().id().orElse(""),
                        l.provider().role().name(), l.mode().map(m -> m.wire()).orElse(""), billed,
                        billed == null && p == 0 ? l.charge().map(CsvVisitWriter::amount).orElse("") : "",
                        l.provider().supervisorId().orElse(""), l.discipline().map(Enum::name).orElse(""),
                        regions(l), p > 0, whenGiven, p == 0 ? l.description().orElse("") : "",
                        l.provider().name().orElse(""), l.provider().supervisorName().orElse(""));
                first = false;
            }
        }
        for (Deque<BilledLine> q : queues.values()) {
            for (BilledLine b : q) {
                row(sb, v, first, b.code(), "", "", "", "", roleFor(v, b), "", b, "", "", "", "", false, whenGiven,
                        "", "", "");
                first = false;
            }
        }
        return sb.toString();
    }

    /**
     * Which billed line goes on which service row (rows numbered over the visit's service lines and their periods),
     * taken from {@code queues}, which keep the lines left over: a line with CQ or CO on the first free row of its code
     * an assistant furnished, one without on the first free row a therapist furnished (the row of the clinician whose
     * units it holds, as the check's JSON names the assistant on the CQ/CO line), then the rest on the first free rows
     * of their code, in order. A line whose services {@code billedFrom} gives goes on a row of those services first
     * (by role as above): a code's CQ/CO lines split by supervisor, each on its own assistant's row.
     */
    private static Map<Integer, BilledLine> billedRows(Visit v, Map<String, Deque<BilledLine>> queues,
                                                       List<List<Integer>> billedFrom) {
        List<ServiceLine> rows = new ArrayList<>();
        List<Integer> rowService = new ArrayList<>();
        for (int i = 0; i < v.services().size(); i++) {
            ServiceLine l = v.services().get(i);
            for (int p = 0; p < Math.max(1, l.periods().size()); p++) {
                rows.add(l);
                rowService.add(i);
            }
        }
        Map<BilledLine, List<Integer>> from = new java.util.IdentityHashMap<>();
        for (int i = 0; i < billedFrom.size() && i < v.billed().size(); i++) {
            from.put(v.billed().get(i), billedFrom.get(i));
        }
        Map<Integer, BilledLine> out = new java.util.HashMap<>();
        for (int pass = from.isEmpty() ? 1 : 0; pass < 3; pass++) {
            boolean byRole = pass < 2;
            for (Deque<BilledLine> q : queues.values()) {
                for (java.util.Iterator<BilledLine> it = q.iterator(); it.hasNext(); ) {
                    BilledLine b = it.next();
                    boolean assistantLine = org.minutewise.core.claim.ClaimBuilder.assistantModifier(b.modifiers());
                    List<Integer> own = pass == 0 ? from.getOrDefault(b, List.of()) : null;
                    for (int r = 0; r < rows.size(); r++) {
                        org.minutewise.core.model.Role role = rows.get(r).provider().role();
                        if (own != null && !own.contains(rowService.get(r))) {
                            continue;
                        }
                        if (!out.containsKey(r) && rows.get(r).code().equals(b.code()) && (!byRole
                                || (assistantLine ? role.isAssistant() : !role.isAssistant()
                                && role != org.minutewise.core.model.Role.AIDE))) {
                            out.put(r, b);
                            it.remove();
                            break;
                        }
                    }
                }
            }
        }
        return out;
    }

    /** An amount as dollars and cents (70.00, never 7E+1 or 70.0). */
    static String amount(java.math.BigDecimal a) {
        return a.scale() <= 2 ? a.setScale(2).toPlainString() : a.toPlainString();
    }

    private static String regions(ServiceLine l) {
        StringBuilder sb = new StringBuilder();
        for (BodyRegion r : l.regions()) {
            sb.append(sb.length() == 0 ? "" : ";").append(r.wire());
        }
        return sb.toString();
    }

    /** The role of a billed-only row: the provider of the code's documented lines, else by CQ/CO and the plan. */
    private static String roleFor(Visit v, BilledLine b) {
        for (ServiceLine l : v.services()) {
            if (l.code().equals(b.code())) {
                return l.provider().role().name();
            }
        }
        if (b.modifiers().contains("CQ")) {
            return "PTA";
        }
        if (b.modifiers().contains("CO")) {
            return "OTA";
        }
        return v.planOfCare().name();
    }

    private static void row(StringBuilder sb, Visit v, boolean first, String code, String minutes, String start,
                            String end, String providerId, String role, String mode, BilledLine billed,
                            String lineCharge, String supervisor, String discipline, String regions,
                            boolean continuation, List<String> whenGiven, String description,
                            String providerName, String supervisorName) {
        List<String> f = new ArrayList<>(30);
        f.add(v.id());
        f.add(v.dateOfService().toString());
        f.add(v.payer());
        f.add(v.setting().wire());
        f.add(v.planOfCare().name());
        f.add(v.patient().id().orElse(""));
        f.add(String.join(";", v.diagnoses()));
        f.add(code);
        f.add(minutes);
        f.add(start);
        f.add(end);
        f.add(providerId);
        f.add(role);
        f.add(mode);
        f.add(billed == null ? "" : String.valueOf(billed.units()));
        f.add(billed == null ? "" : String.join(";", billed.modifiers()));
        f.add(billed == null ? lineCharge : billed.charge().map(CsvVisitWriter::amount).orElse(""));
        f.add(first ? v.note().orElse("") : "");
        f.add(first ? v.totalTreatmentMinutes().stream().mapToObj(String::valueOf).findFirst().orElse("") : "");
        f.add(supervisor);
        f.add(discipline);
        Optional<Certification> cert = first ? v.certification() : Optional.empty();
        f.add(cert.flatMap(Certification::from).map(Object::toString).orElse(""));
        f.add(cert.flatMap(Certification::to).map(Object::toString).orElse(""));
        f.add(cert.flatMap(Certification::physician).orElse(""));
        f.add(regions);
        f.add(cert.flatMap(Certification::physicianNpi).orElse(""));
        f.add(first && v.progressReport() ? "true" : "");
        f.add(continuation ? "true" : "");
        // On every row: a file may hold a claim and its correction under one visit id, told apart row by row.
        f.add(v.claimInfo().claimFrequency().orElse(""));
        f.add(v.claimInfo().payerClaimControlNumber().orElse(""));
        // On every row, as the payer: the secondary payer and what the 837 says of the patient's coverage there.
        f.add(v.secondaryPayer().orElse(""));
        f.add(v.claimInfo().secondary().claimFilingIndicator().orElse(""));
        f.add(v.claimInfo().secondary().insuranceType().orElse(""));
        for (String column : whenGiven) {
            f.add(switch (column) {
                case "description" -> description;
                case "billedDiagnosisPointers" -> billed == null ? "" : billed.diagnosisPointers().stream()
                        .map(String::valueOf).collect(java.util.stream.Collectors.joining(";"));
                case "providerName" -> providerName;
                case "supervisorName" -> supervisorName;
                default -> throw new IllegalArgumentException("not a column written when given: " + column);
            });
        }
        for (int i = 0; i < f.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            // The note is always quoted; other fields when they need it.
            sb.append(i == 17 && !f.get(i).isEmpty() ? '"' + f.get(i).replace("\"", "\"\"") + '"' : Csv.quote(f.get(i)));
        }
        sb.append("\r\n");
    }

    /**
     * What a conversion or a check written as CSV says on standard error when the visits hold fields the layout has no
     * column for ({@link #notCarried}): "the CSV layout has no column for patient.yearToDate, abn; they are not in the
     * output"; empty when it carries everything.
     */
    public static Optional<String> notCarriedNote(List<Visit> visits) {
        java.util.Set<String> left = new java.util.LinkedHashSet<>();
        for (Visit v : visits) {
            left.addAll(notCarried(v));
        }
        return left.isEmpty() ? Optional.empty() : Optional.of("the CSV layout has no column for "
                + String.join(", ", left) + "; they are not in the output");
    }

    /**
     * The fields of a visit the CSV layout has no column for, by their visit JSON names (empty when it carries
     * everything the visit holds): a conversion to CSV says what it leaves behind rather than drop it silently.
     */
    public static java.util.Set<String> notCarried(Visit v) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        if (v.patient().birthDate().isPresent()) {
            out.add("patient.birthDate");
        }
        // A dependent's own name, sex and address (and the subscriber's relationship, with "subscriber" below).
        v.patient().lastName().ifPresent(x -> out.add("patient.lastName"));
        v.patient().firstName().ifPresent(x -> out.add("patient.firstName"));
        v.patient().sex().ifPresent(x -> out.add("patient.sex"));
        v.patient().address().ifPresent(x -> out.add("patient.address"));
        for (org.minutewise.core.model.ServiceLine l : v.services()) {
            if (l.provider().npi().isPresent()) {
                out.add("services[].provider.npi");
            }
            if (l.provider().supervisorNpi().isPresent()) {
                out.add("services[].provider.supervisorNpi");
            }
        }
        org.minutewise.core.model.ClaimInfo c = v.claimInfo();
        if (!c.billingProvider().equals(org.minutewise.core.model.BillingProvider.NONE)) {
            out.add("billingProvider");
        }
        if (!c.subscriber().equals(org.minutewise.core.model.Subscriber.NONE)) {
            out.add("subscriber");
        }
        c.subscriber().relationship().ifPresent(x -> out.add("subscriber.relationship"));
        c.payerName().ifPresent(x -> out.add("payerName"));
        c.payerId().ifPresent(x -> out.add("payerId"));
        c.placeOfService().ifPresent(x -> out.add("placeOfService"));
        org.minutewise.formats.NotCarried.common(v, out);
        if (org.minutewise.core.model.Purpose.ofBilled(v.billed()).filter(p -> p == v.purpose()).isPresent()) {
            out.remove("purpose"); // the billed 96 or 97 says it, and is read back as the visit's purpose
        }
        org.minutewise.formats.NotCarried.secondaryIdentifiers(v, out);
        org.minutewise.formats.NotCarried.renderingOrganization(v, out);
        org.minutewise.formats.NotCarried.secondarySubscriber(v, out);
        return out;
    }
}
