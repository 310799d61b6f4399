package org.minutewise.store;

import java.util.List;
import java.util.Objects;

/** A patient's year-to-date therapy spend by KX bucket, PT_SLP first. */
public record PatientSpend(String patientId, int year, List<BucketSpend> buckets) {
    public PatientSpend {
        Objects.requireNonNull(patientId, "patientId");
        buckets = List.copyOf(buckets);
    }

    public BucketSpend bucket(String name) {
        for (BucketSpend b : buckets) {
            if (b.bucket().equals(name)) {
                return b;
            }
        }
        throw new IllegalArgumentException("no bucket " + name);
    }
}
