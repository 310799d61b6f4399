package org.minutewise.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.minutewise.formats.InputException;
import org.minutewise.formats.Json;

/**
 * The manifest of an audit, {@code OUT/.work/state}: what the run is (inputs with their fingerprints, CSV
 * headers, payer, partition count) and how far it got (the phase, the inputs read with the partition lengths
 * after each, the partitions checked, the patient partitions' duplicate claims decided, the patient and therapist
 * partitions done). It is rewritten atomically
 * after every unit of work, so after a crash it names exactly the work that is whole.
 */
final class State {
    /**
     * The layout of the manifest and of the spill files it describes (raise it whenever an encoding or what it
     * holds changes: 2, the digest carries the unit its estimate paid in full and the billing provider; 3, a line's
     * KX bucket is empty for a code that is not therapy, and the rows read and set aside changed, so a run started
     * by an older build is not resumed; 4, a partition may hold a note that a visit lost a row to a quote left
     * open, {@code Spill.LOST_ROW}; 7, the digest carries the day's timed minutes, group sessions, the visit's start
     * and one share of the totals per therapist, and the manifest the clinic's zone; 8, a claim's
     * replacement or void sets the claim before it aside instead of both; 9, a digest's line carries its discipline
     * and what the visit's own check said of its KX; 10, the day's minutes carry their codes, and a patient
     * partition writes the units its days take off, {@code cuts}; 11, the digest carries the claim's frequency;
     * 12, the manifest names the inputs that ended early, {@code endedEarly}, and the note's fingerprint reads each
     * run of digits as one symbol; 13, a digest's share of the totals carries its units over and under; 14, the therapist partitions run before
     * the patient partitions and write the minutes a visit shares with other patients, {@code shared}, which the
     * patient partitions read; 15, those minutes are written as the minutes of the day they are, so that two
     * providers' partitions naming the same minute count it once); 16, a digest's treatment says whether its
     * provider is an assistant, and a cut whether its units are an assistant's (MW-A001: off the CQ/CO rows first);
     * 17, a digest's treatment says whether its minutes count (not an aide's), the shared minutes name their
     * provider, and a cut carries how many of the code's units keep CQ/CO (MW-A001: de minimis applied again));
     * 18, a digest's line carries the discipline of its plan of care (MW-A002 counts treatment days by it); 19, every
     * partition may hold a note that a CSV row without a visit id names a patient and date, {@code Spill.ORPHAN});
     * 20, the cuts may name a code whose lines the day's MUE denies whole (MW-A009, priced at $0 in claims.csv:
     * {@code ClaimCorrection.deniedByDay}), which work files of 19 never hold); 21, a digest's timed units leave out a
     * timed code's minutes inside an untimed service's period (MW-U003) and its progress flag counts an SLP's
     * evaluation codes (MW-A002), so a run resumed over work files of 20 would mix two counts; 22, the visits
     * checked hold MW-U008 (timed minutes beyond a day), which the findings of 21 never hold, and a time-apart NCCI
     * pair's XU where a profile names another X modifier, and MW-M002); 23, the patient partitions first write what
     * their duplicate claims void, {@code voids} (MW-A006), which the therapist partitions read to leave the void copy
     * out of MW-A001 and MW-A007, and the manifest names the partitions that did, {@code duplicates}: the therapist
     * findings of 22 counted the copies; 24, a cut across visits (MW-A001, MW-A012) on a visit without billed input
     * leaves the engine's units as billed and counts them over (23 lowered both), the totals count duplicate claims
     * per payer, and a CSV field too long is named by its header's name in the reasons set aside.
     */
    static final int VERSION = 24;

    enum Phase { READ, CHECK, ACROSS, FINAL, DONE }

    int partitions;
    String payer = "";
    /** The reference data the run checks against (files and their fingerprints), as the caller describes it. */
    String reference = "";
    /** The clinic's time zone FHIR times are read in ("" when not given: as written). */
    String zone = "";
    final List<String> inputs = new ArrayList<>();
    final List<String> fingerprints = new ArrayList<>();
    final List<List<String>> headers = new ArrayList<>();
    Phase phase = Phase.READ;
    int filesRead;
    long[] spillLengths = new long[0];
    long rejectsLength;
    long readRejected;
    long spilled;
    /** The inputs read that ended early (a gzip file cut short or damaged), in input order. */
    final List<org.minutewise.formats.audit.EndedEarly> endedEarly = new ArrayList<>();
    BitSet checked = new BitSet();
    /** The patient partitions that wrote what their duplicate claims void (before the therapist partitions). */
    BitSet duplicates = new BitSet();
    BitSet patients = new BitSet();
    BitSet therapists = new BitSet();

    /** True when the other manifest describes the same inputs and options (so its work can be reused). */
    boolean sameRunAs(State o) {
        return inputs.equals(o.inputs) && fingerprints.equals(o.fingerprints) && payer.equals(o.payer)
                && reference.equals(o.reference) && zone.equals(o.zone);
    }

    ObjectNode toJson() {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("version", VERSION);
        o.put("partitions", partitions);
        o.put("payer", payer);
        o.put("reference", reference);
        o.put("zone", zone);
        ArrayNode in = o.putArray("inputs");
        for (int i = 0; i < inputs.size(); i++) {
            ObjectNode x = in.addObject();
            x.put("name", inputs.get(i));
            x.put("fingerprint", fingerprints.get(i));
            ArrayNode h = x.putArray("header");
            headers.get(i).forEach(h::add);
        }
        o.put("phase", phase.name());
        o.put("filesRead", filesRead);
        ArrayNode lengths = o.putArray("spillLengths");
        for (long l : spillLengths) {
            lengths.add(l);
        }
        o.put("rejectsLength", rejectsLength);
        o.put("readRejected", readRejected);
        o.put("spilled", spilled);
        ArrayNode early = o.putArray("endedEarly");
        for (org.minutewise.formats.audit.EndedEarly e : endedEarly) {
            early.addObject().put("file", e.file()).put("afterLine", e.afterLine()).put("problem", e.problem());
        }
        o.put("checked", bits(checked));
        o.put("duplicates", bits(duplicates));
        o.put("patients", bits(patients));
        o.put("therapists", bits(therapists));
        return o;
    }

    static State fromJson(JsonNode o) {
        if (o.path("version").asInt() != VERSION) {
            throw new InputException("--resume", "the audit in this --out was started by another version of "
                    + "Minutewise (work files of version " + o.path("version").asInt() + ", this one reads " + VERSION
                    + "); use a new --out");
        }
        State s = new State();
        s.partitions = o.path("partitions").asInt();
        s.payer = o.path("payer").asText();
        s.reference = o.path("reference").asText();
        s.zone = o.path("zone").asText();
        for (JsonNode x : o.path("inputs")) {
            s.inputs.add(x.path("name").asText());
            s.fingerprints.add(x.path("fingerprint").asText());
            List<String> h = new ArrayList<>();
            x.path("header").forEach(f -> h.add(f.asText()));
            s.headers.add(h);
        }
        s.phase = Phase.valueOf(o.path("phase").asText());
        s.filesRead = o.path("filesRead").asInt();
        JsonNode lengths = o.path("spillLengths");
        s.spillLengths = new long[lengths.size()];
        for (int i = 0; i < lengths.size(); i++) {
            s.spillLengths[i] = lengths.get(i).asLong();
        }
        s.rejectsLength = o.path("rejectsLength").asLong();
        s.readRejected = o.path("readRejected").asLong();
        s.spilled = o.path("spilled").asLong();
        for (JsonNode e : o.path("endedEarly")) {
            s.endedEarly.add(new org.minutewise.formats.audit.EndedEarly(e.path("file").asText(),
                    e.path("afterLine").asLong(), e.path("problem").asText()));
        }
        s.checked = bits(o.path("checked").asText());
        s.duplicates = bits(o.path("duplicates").asText());
        s.patients = bits(o.path("patients").asText());
        s.therapists = bits(o.path("therapists").asText());
        return s;
    }

    void save(Path file) throws IOException {
        Work.writeAtomically(file, Json.mapper().writeValueAsString(toJson()) + "\n");
    }

    /**
     * The manifest in {@code file}; a file that is not one (unreadable, not JSON, cut short, a directory, a manifest
     * without its fields) is an {@link InputException} naming {@code --resume}, since the audit cannot go on from it.
     */
    static State load(Path file) throws IOException {
        JsonNode o;
        try {
            o = Json.mapper().readTree(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            throw notAState(file);
        }
        if (o == null || !o.isObject() || !o.has("version") || !o.path("phase").isTextual()) {
            throw notAState(file);
        }
        try {
            return fromJson(o);
        } catch (IllegalArgumentException e) {
            // A phase this version does not know.
            throw notAState(file);
        }
    }

    private static InputException notAState(Path file) {
        return new InputException("--resume", file + " is not an audit's state; use a new --out");
    }

    /** A bit set as hex digits, bit 0 first (compact for thousands of partitions). */
    private static String bits(BitSet b) {
        StringBuilder sb = new StringBuilder();
        int n = b.length();
        for (int i = 0; i < n; i += 4) {
            int d = 0;
            for (int k = 0; k < 4; k++) {
                if (b.get(i + k)) {
                    d |= 1 << k;
                }
            }
            sb.append(Character.forDigit(d, 16));
        }
        return sb.toString();
    }

    private static BitSet bits(String hex) {
        BitSet b = new BitSet();
        for (int i = 0; i < hex.length(); i++) {
            int d = Character.digit(hex.charAt(i), 16);
            for (int k = 0; k < 4; k++) {
                if ((d & (1 << k)) != 0) {
                    b.set(i * 4 + k);
                }
            }
        }
        return b;
    }
}
