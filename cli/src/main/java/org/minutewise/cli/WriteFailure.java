package org.minutewise.cli;

/**
 * An output the command could not write (a full disk, a missing directory, a closed pipe): the caller's to fix,
 * so exit 2 with one line naming the file or flag, not an internal error.
 */
final class WriteFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WriteFailure(String message) {
        super(message);
    }
}
