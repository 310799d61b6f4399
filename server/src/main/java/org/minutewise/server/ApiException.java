package org.minutewise.server;

import java.util.Objects;

/** A request the API refuses, as a problem+json: the status, a short title, the detail and the field named. */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String title;
    private final String field;

    ApiException(int status, String title, String detail, String field) {
        // A refusal is an answer, not a fault: no stack trace is needed, nor its cost on every bad request.
        super(detail, null, false, false);
        this.status = status;
        this.title = Objects.requireNonNull(title, "title");
        this.field = Objects.requireNonNull(field, "field");
    }

    ApiException(int status, String title, String detail) {
        this(status, title, detail, "");
    }

    int status() {
        return status;
    }

    String title() {
        return title;
    }

    String field() {
        return field;
    }
}
