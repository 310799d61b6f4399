package org.minutewise.batch;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import org.minutewise.formats.audit.Bin;

/**
 * A work file of records bound for the partitions of a later pass: K+1 offsets (the start of each destination's
 * segment, then the end), then the segments, each record prefixed by its length. A later unit of work reads only
 * its own segment of each file.
 */
final class Segments {
    private Segments() {
    }

    /** A record bound for partition {@code dest}; {@code order} keeps the records of a destination in order. */
    record Entry(int dest, int order, byte[] data) {
    }

    /** Writes {@code entries} (sorted here by destination, then order) for {@code k} destinations. */
    static void write(Path file, List<Entry> entries, int k) throws IOException {
        entries.sort(Comparator.comparingInt(Entry::dest).thenComparingInt(Entry::order));
        long[] offsets = new long[k + 1];
        long pos = 8L * (k + 1);
        int e = 0;
        Bin.Out scratch = new Bin.Out(16);
        for (int d = 0; d < k; d++) {
            offsets[d] = pos;
            while (e < entries.size() && entries.get(e).dest() == d) {
                scratch.reset();
                scratch.varInt(entries.get(e).data().length);
                pos += scratch.size() + entries.get(e).data().length;
                e++;
            }
        }
        offsets[k] = pos;
        try (OutputStream os = new BufferedOutputStream(WriteFailed.open(file), 1 << 16)) {
            Bin.Out head = new Bin.Out(8 * (k + 1));
            for (long o : offsets) {
                head.i64(o);
            }
            os.write(head.array(), 0, head.size());
            for (Entry x : entries) {
                scratch.reset();
                scratch.varInt(x.data().length);
                os.write(scratch.array(), 0, scratch.size());
                os.write(x.data());
            }
        }
    }

    /** Whether a file written for {@code k} destinations holds no record (its size is its header's). */
    static boolean isEmpty(Path file, int k) throws IOException {
        return Files.size(file) == 8L * (k + 1);
    }

    /** The records of destination {@code q} in {@code file}, in order: one {@link Bin.In} over each. */
    static void read(Path file, int q, RecordSink sink) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(16);
            readFully(ch, head, 8L * q);
            long from = head.getLong(0);
            long to = head.getLong(8);
            if (to == from) {
                return;
            }
            ByteBuffer seg = ByteBuffer.allocate((int) (to - from));
            readFully(ch, seg, from);
            Bin.In in = new Bin.In(seg.array());
            while (in.more()) {
                int n = in.varInt();
                int end = in.position() + n;
                sink.record(new Bin.In(seg.array(), in.position(), end));
                in.seek(end);
            }
        }
    }

    interface RecordSink {
        void record(Bin.In in) throws IOException;
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long at) throws IOException {
        long pos = at;
        while (b.hasRemaining()) {
            int n = ch.read(b, pos);
            if (n < 0) {
                throw new IOException("work file shorter than its index");
            }
            pos += n;
        }
    }
}
