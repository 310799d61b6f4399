package org.minutewise.knowledge;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.minutewise.refdata.Icd10cmCodeFile;

/**
 * The public ICD-10-CM code files CMS publishes each fiscal year (the order file or the codes file) as
 * descriptors: read by refdata's {@link Icd10cmCodeFile}, the one parser, which the check's code set (MW-C015)
 * reads too. Errors name the file and the line.
 */
public final class Icd10cmFile {
    private Icd10cmFile() {
    }

    public static List<Descriptor> read(Path file) {
        return descriptors(Icd10cmCodeFile.read(file), file.getFileName().toString());
    }

    public static List<Descriptor> read(InputStream in, String name) {
        return descriptors(Icd10cmCodeFile.read(in, name), name);
    }

    private static List<Descriptor> descriptors(List<Icd10cmCodeFile.Line> lines, String name) {
        List<Descriptor> out = new ArrayList<>(lines.size());
        for (Icd10cmCodeFile.Line l : lines) {
            out.add(new Descriptor(l.code(), l.shortText(), l.longText(), l.header(), name));
        }
        return out;
    }
}
