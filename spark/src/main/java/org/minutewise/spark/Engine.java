package org.minutewise.spark;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkFiles;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.refdata.RefData;
import org.minutewise.refdata.RefFiles;

/**
 * The reference data and checker of one JVM (driver or executor), built on first use: the data files embedded in
 * the jar, with the user's reference files on top, which the driver shipped with {@code SparkContext.addFile} and
 * each JVM reads from where Spark put them ({@link SparkFiles#get}). The checker is thread-safe and shared by the
 * executor's tasks.
 */
final class Engine {
    private static final Map<RefFiles, Engine> ENGINES = new ConcurrentHashMap<>();

    final ReferenceData ref;
    final VisitChecker checker;

    private Engine(ReferenceData ref) {
        this.ref = ref;
        this.checker = new VisitChecker(ref);
    }

    static Engine get(RefFiles files) {
        return ENGINES.computeIfAbsent(files, f -> new Engine(f.any()
                ? f.apply(RefData.defaults(), name -> Path.of(SparkFiles.get(shippedName(name))))
                : RefData.defaults()));
    }

    /** The name a reference file is shipped under: its file name. */
    static String shippedName(String name) {
        return new org.apache.hadoop.fs.Path(name).getName();
    }
}
