package org.minutewise.spark;

import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.refdata.RefData;

/**
 * The reference data and checker of one JVM (driver or executor), built on first use from the data files embedded
 * in the jar, so that tasks do not ship them. The checker is thread-safe and shared by the executor's tasks.
 */
final class Engine {
    private static volatile Engine instance;

    final ReferenceData ref;
    final VisitChecker checker;

    private Engine(ReferenceData ref) {
        this.ref = ref;
        this.checker = new VisitChecker(ref);
    }

    static Engine get() {
        Engine e = instance;
        if (e == null) {
            synchronized (Engine.class) {
                e = instance;
                if (e == null) {
                    e = new Engine(RefData.defaults());
                    instance = e;
                }
            }
        }
        return e;
    }
}
