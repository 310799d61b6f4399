package org.minutewise.spark;

import java.io.Serializable;

/**
 * One input record as the reader hands it to the job: where it came from (input file number, line, order of
 * reading), the visit id that routes it (read leniently, so that even a record the CSV reader refuses goes to its
 * visit, as in the single-process audit) and its text, which the check stage reads into fields (reporting the
 * reader's exact error for a bad record). A Parquet row comes as the CSV text of its fields.
 */
final class InRow implements Serializable {
    private static final long serialVersionUID = 1L;

    final int file;
    final long line;
    final long seq;
    final String visitId;
    final String text;

    InRow(int file, long line, long seq, String visitId, String text) {
        this.file = file;
        this.line = line;
        this.seq = seq;
        this.visitId = visitId;
        this.text = text;
    }
}
