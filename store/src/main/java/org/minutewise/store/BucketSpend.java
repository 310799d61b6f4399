package org.minutewise.store;

import java.math.BigDecimal;
import java.util.Objects;

/** A patient's therapy spend in one KX bucket ({@code PT_SLP} or {@code OT}): this clinic's and outside. */
public record BucketSpend(String bucket, BigDecimal clinic, BigDecimal outside) {
    public static final String PT_SLP = "PT_SLP";
    public static final String OT = "OT";

    public BucketSpend {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(clinic, "clinic");
        Objects.requireNonNull(outside, "outside");
    }

    public BigDecimal total() {
        return clinic.add(outside);
    }
}
