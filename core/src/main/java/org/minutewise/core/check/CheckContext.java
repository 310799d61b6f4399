package org.minutewise.core.check;

import java.util.List;
import java.util.function.Supplier;
import org.minutewise.core.codes.CodeInfo;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Visit;
import org.minutewise.core.payer.PayerProfile;
import org.minutewise.core.units.UnitResult;

/**
 * What a rule may read: the visit, its payer profile, the reference data and the units already computed,
 * plus a per-visit memo so work several rules share (a scan of the note, say) is done once.
 * One context serves one visit on one thread.
 */
public final class CheckContext {
    private final Visit visit;
    private final PayerProfile payer;
    private final ReferenceData ref;
    private final UnitResult units;
    /**
     * The memo's keys and values, side by side ({@link #memo}): a visit keeps about ten (the note's scan, the claim,
     * the billed lines, ...), asked for some sixty times a check, so a walk comparing references (then equals) beats
     * hashing them; grown when full.
     */
    private Object[] memoKeys = new Object[16];
    private Object[] memoValues = new Object[16];
    private int memoSize;
    /** The catalog entry of each service line's code (null when unknown), looked up once per visit. */
    private final CodeInfo[] lineCodes;
    /** The caller's date (where the visit is checked at the point of care), for what only today can tell. */
    private final java.util.Optional<java.time.LocalDate> today;

    public CheckContext(Visit visit, PayerProfile payer, ReferenceData ref, UnitResult units) {
        this(visit, payer, ref, units, java.util.Optional.empty());
    }

    /** With the caller's date: core has no clock, so a check that needs today is given it. */
    public CheckContext(Visit visit, PayerProfile payer, ReferenceData ref, UnitResult units,
                        java.util.Optional<java.time.LocalDate> today) {
        this(visit, payer, ref, units, today, lineCodes(visit, ref.codes()));
    }

    /** With the entries of the lines' codes ({@link #lineCodes}) that the checker looked up for the count. */
    CheckContext(Visit visit, PayerProfile payer, ReferenceData ref, UnitResult units,
                 java.util.Optional<java.time.LocalDate> today, CodeInfo[] lineCodes) {
        this.today = today;
        this.visit = visit;
        this.payer = payer;
        this.ref = ref;
        this.units = units;
        this.lineCodes = lineCodes;
    }

    /** The catalog entry of each service line's code, in order (null where unknown). */
    static CodeInfo[] lineCodes(Visit visit, org.minutewise.core.codes.CodeCatalog codes) {
        List<ServiceLine> s = visit.services();
        CodeInfo[] out = new CodeInfo[s.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = codes.getOrNull(s.get(i).code());
        }
        return out;
    }

    /** The caller's date, when the check was given one ({@link VisitChecker#asOf}); empty in batch audits. */
    public java.util.Optional<java.time.LocalDate> today() {
        return today;
    }

    public Visit visit() {
        return visit;
    }

    public PayerProfile payer() {
        return payer;
    }

    public ReferenceData ref() {
        return ref;
    }

    public UnitResult units() {
        return units;
    }

    /**
     * The visit's billed lines as claim lines ({@link org.minutewise.core.claim.BilledClaim#lines}), built once:
     * the MUE and KX rules and the checker's estimate of the billed claim read them. Unmodifiable.
     */
    public List<org.minutewise.core.claim.ClaimLine> billedLines() {
        return memo(BILLED_LINES, CheckContext::computeBilledLines);
    }

    private static List<org.minutewise.core.claim.ClaimLine> computeBilledLines(CheckContext ctx) {
        return List.copyOf(org.minutewise.core.claim.BilledClaim.lines(ctx.visit));
    }

    private static final Object BILLED_LINES = new Object();

    /** Computes a value once per visit; later calls with the same key return it. */
    public <T> T memo(Object key, Supplier<T> compute) {
        return memo(key, ctx -> compute.get());
    }

    /**
     * {@link #memo(Object, Supplier)} of a function of this context: given a method reference that captures nothing
     * ({@code DocSupport::computeBilled}), a call that finds the value already worked out (most calls: the note's scan
     * is asked for by some thirty rules) builds no supplier object.
     */
    @SuppressWarnings("unchecked")
    public <T> T memo(Object key, java.util.function.Function<CheckContext, T> compute) {
        Object v = memoed(key);
        if (v == null) {
            v = compute.apply(this);
            remember(key, v);
        }
        return (T) v;
    }

    /** The value remembered for {@code key} (a key equal to it), or null. */
    private Object memoed(Object key) {
        Object[] keys = memoKeys;
        for (int i = 0; i < memoSize; i++) {
            if (keys[i] == key) {
                return memoValues[i];
            }
        }
        for (int i = 0; i < memoSize; i++) {
            if (key.equals(keys[i])) {
                return memoValues[i];
            }
        }
        return null;
    }

    /**
     * Remembers {@code v} for {@code key}, in place of a value an equal key holds (as a map's put would: a computation
     * may itself have remembered a value for its own key while it ran).
     */
    private void remember(Object key, Object v) {
        java.util.Objects.requireNonNull(key, "key");
        for (int i = 0; i < memoSize; i++) {
            if (memoKeys[i] == key || key.equals(memoKeys[i])) {
                memoValues[i] = v;
                return;
            }
        }
        if (memoSize == memoKeys.length) {
            memoKeys = java.util.Arrays.copyOf(memoKeys, memoSize * 2);
            memoValues = java.util.Arrays.copyOf(memoValues, memoSize * 2);
        }
        memoKeys[memoSize] = key;
        memoValues[memoSize++] = v;
    }

    /** The catalog entry of a line's code, or null when the code is unknown. */
    public CodeInfo codeOf(ServiceLine line) {
        return codeInfo(line.code());
    }

    /**
     * The catalog entry of a code, or null when it is unknown: of a code of the visit's service lines from the entries
     * looked up once per visit (a few comparisons of short strings), of any other from the catalog.
     */
    public CodeInfo codeInfo(String code) {
        return entry(visit.services(), lineCodes, code, ref.codes());
    }

    /**
     * The catalog entry of {@code code}: from {@code lineCodes} ({@link #lineCodes} of {@code services}) when it is the
     * code of one of those lines, else from the catalog; null when it is unknown.
     */
    static CodeInfo entry(List<ServiceLine> services, CodeInfo[] lineCodes, String code,
                          org.minutewise.core.codes.CodeCatalog codes) {
        for (int i = 0; i < lineCodes.length; i++) {
            if (services.get(i).code().equals(code)) {
                return lineCodes[i];
            }
        }
        return codes.getOrNull(code);
    }

    /** The catalog entry of the code of the visit's service line {@code index}, or null when it is unknown. */
    public CodeInfo codeAt(int index) {
        return lineCodes[index];
    }

    /** True when the code of service line {@code index} is a supervised modality that may share minutes. */
    public boolean isSupervisedModalityAt(int index) {
        CodeInfo info = lineCodes[index];
        return info != null && info.supervised();
    }

    /** True when the code is a supervised modality (97010-97028, G0283) that may share minutes. */
    public boolean isSupervisedModality(ServiceLine line) {
        CodeInfo info = codeOf(line);
        return info != null && info.supervised();
    }

    public static String path(int index) {
        return "services[" + index + "]";
    }
}
