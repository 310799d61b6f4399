package org.minutewise.refdata;

/** A reference data file that cannot be read; the message names the file, line and field. */
public class RefDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RefDataException(String message) {
        super(message);
    }

    public RefDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
