package org.minutewise.core.payer;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The payer profiles a check may name, in precedence order: the built-in defaults (refdata), then any the
 * clinic loads; a later profile with the same id replaces the earlier one.
 */
public final class PayerProfiles {
    private final Map<String, PayerProfile> byId;

    private PayerProfiles(Map<String, PayerProfile> byId) {
        this.byId = Collections.unmodifiableMap(byId);
    }

    public static PayerProfiles of(Collection<PayerProfile> profiles) {
        return new PayerProfiles(new LinkedHashMap<>()).with(profiles);
    }

    /** A copy with these profiles added; one with an id already present replaces it (payer, then plan). */
    public PayerProfiles with(Collection<PayerProfile> more) {
        Map<String, PayerProfile> m = new LinkedHashMap<>(byId);
        for (PayerProfile p : more) {
            m.put(p.id(), p);
        }
        return new PayerProfiles(m);
    }

    public Optional<PayerProfile> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<PayerProfile> all() {
        return byId.values();
    }

    public String ids() {
        return String.join(", ", byId.keySet());
    }
}
