package org.minutewise.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.Optional;

/**
 * Standard output as the commands print to it: a {@link PrintWriter} (which, as {@code System.out} does, keeps
 * only a flag when a write fails) that also remembers why the first write failed, so that {@link Main} can say
 * "cannot write standard output: No space left on device" rather than exit 0 with the output lost.
 */
final class Output extends PrintWriter {
    private final Recorder recorder;

    /** Prints to {@code stream} in the platform's charset, as {@code System.out} does. */
    static Output of(OutputStream stream) {
        String name = System.getProperty("stdout.encoding", System.getProperty("sun.stdout.encoding"));
        Charset cs = Charset.defaultCharset();
        if (name != null && Charset.isSupported(name)) {
            cs = Charset.forName(name);
        }
        return new Output(new Recorder(new OutputStreamWriter(stream, cs)));
    }

    private Output(Recorder recorder) {
        super(recorder, true);
        this.recorder = recorder;
    }

    /** Why the first write failed ("No space left on device"), or empty when none has. */
    Optional<String> failure() {
        IOException e = recorder.first;
        return e == null ? Optional.empty() : Optional.of(Main.reason(e));
    }

    /** Passes everything through, keeping the first failure. */
    private static final class Recorder extends Writer {
        private final Writer to;
        private IOException first;

        Recorder(Writer to) {
            this.to = to;
        }

        private IOException keep(IOException e) {
            if (first == null) {
                first = e;
            }
            return e;
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            try {
                to.write(buf, off, len);
            } catch (IOException e) {
                throw keep(e);
            }
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            try {
                to.write(s, off, len);
            } catch (IOException e) {
                throw keep(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                to.flush();
            } catch (IOException e) {
                throw keep(e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                to.close();
            } catch (IOException e) {
                throw keep(e);
            }
        }
    }
}
