package org.minutewise.batch;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * A file of the audit's output directory (an output, or a work file under it) that could not be written: a full
 * disk, an I/O error, a directory in the way. The caller's to fix, not a defect: it names the file ({@link #getFile})
 * and the system's reason ({@link #getReason}, "No space left on device"), and the audit can go on with
 * {@code --resume} once it is fixed.
 */
public final class WriteFailed extends FileSystemException {
    private static final long serialVersionUID = 1L;

    WriteFailed(Path file, IOException cause) {
        super(file.toString(), null, reason(cause));
        initCause(cause);
    }

    /** Why a write failed, in words, without the path. */
    static String reason(IOException e) {
        if (e instanceof WriteFailed w) {
            return w.getReason();
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.DirectoryNotEmptyException) {
            return "a directory that is not empty is in its place";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "something that is not a file is in its place";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        if (e instanceof FileSystemException) {
            return "the file system refused it";
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? "the write failed" : e.getMessage();
    }

    /** Runs a write to {@code file}; a failure is a {@link WriteFailed} naming it. */
    static void writing(Path file, Write write) throws WriteFailed {
        try {
            write.run();
        } catch (WriteFailed e) {
            throw e;
        } catch (IOException e) {
            throw new WriteFailed(file, e);
        }
    }

    /** A write that may fail. */
    @FunctionalInterface
    interface Write {
        void run() throws IOException;
    }

    /** A new stream to {@code file} (opened with {@code options}) whose failures are {@link WriteFailed}s naming it. */
    static OutputStream open(Path file, java.nio.file.OpenOption... options) throws WriteFailed {
        return open(file, file, options);
    }

    /** The same, its failures naming {@code named} (the output a temporary file becomes). */
    static OutputStream open(Path file, Path named, java.nio.file.OpenOption... options) throws WriteFailed {
        OutputStream[] os = new OutputStream[1];
        writing(named, () -> os[0] = java.nio.file.Files.newOutputStream(file, options));
        return guard(named, os[0]);
    }

    /** A stream to {@code file} whose failures are {@link WriteFailed}s naming it. */
    static OutputStream guard(Path file, OutputStream os) {
        return new FilterOutputStream(os) {
            @Override
            public void write(int b) throws IOException {
                writing(file, () -> out.write(b));
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                writing(file, () -> out.write(b, off, len));
            }

            @Override
            public void flush() throws IOException {
                writing(file, out::flush);
            }

            @Override
            public void close() throws IOException {
                writing(file, out::close);
            }
        };
    }
}
