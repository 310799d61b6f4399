package org.minutewise.store;

/** The store could not do what was asked: the database is unreachable, a migration failed, a conflict. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
