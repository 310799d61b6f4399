package org.minutewise.batch;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The progress line of an audit on a terminal: the phase, percent done, rows so far and per second, and the time
 * left, redrawn in place once a second. Quiet (counts only) when not enabled.
 */
public final class Progress implements AutoCloseable {
    private final PrintWriter err;
    private final boolean enabled;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong rows = new AtomicLong();
    private volatile String phase = "starting";
    private volatile long total;
    private volatile long phaseStart = System.nanoTime();
    private volatile long doneAtStart;
    private Thread printer;
    private int lastWidth;

    /** @param enabled draw the line (the CLI enables it when stderr is a terminal) */
    public Progress(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
        if (enabled) {
            printer = new Thread(this::loop, "minutewise-progress");
            printer.setDaemon(true);
            printer.start();
        }
    }

    /** A progress that prints nothing. */
    public static Progress quiet() {
        return new Progress(new PrintWriter(java.io.Writer.nullWriter()), false);
    }

    void phase(String name, long total, long alreadyDone) {
        this.phase = name;
        this.total = total;
        this.done.set(alreadyDone);
        this.doneAtStart = alreadyDone;
        this.rows.set(0);
        this.phaseStart = System.nanoTime();
    }

    /** The counter of done units (bytes read in the first pass), for the input stream to add to. */
    AtomicLong fileBytes() {
        return done;
    }

    void bytesBefore(long bytes) {
        done.set(bytes);
        doneAtStart = bytes;
    }

    void fileDone(long size) {
        // the stream counted the bytes already
    }

    void advance(long n) {
        done.addAndGet(n);
    }

    void rows(long n) {
        rows.addAndGet(n);
    }

    private void loop() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(1000);
                draw();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String line() {
        double secs = Math.max(1e-3, (System.nanoTime() - phaseStart) / 1e9);
        long d = done.get();
        long t = total;
        long r = rows.get();
        StringBuilder sb = new StringBuilder("minutewise audit: ").append(phase);
        if (t > 0) {
            sb.append(String.format(Locale.ROOT, " %3d%%", Math.min(100, d * 100 / t)));
        }
        sb.append(String.format(Locale.ROOT, " | %,d rows | %,.0f rows/s", r, r / secs));
        double rate = (d - doneAtStart) / secs;
        if (t > 0 && rate > 0 && d < t) {
            long left = (long) ((t - d) / rate);
            sb.append(String.format(Locale.ROOT, " | %d:%02d left", left / 60, left % 60));
        }
        return sb.toString();
    }

    private synchronized void draw() {
        String l = line();
        int pad = Math.max(0, lastWidth - l.length());
        err.print("\r" + l + " ".repeat(pad));
        err.flush();
        lastWidth = l.length();
    }

    @Override
    public synchronized void close() {
        if (printer != null) {
            printer.interrupt();
            printer = null;
            if (lastWidth > 0) {
                err.print("\r" + " ".repeat(lastWidth) + "\r");
                err.flush();
            }
        }
    }
}
