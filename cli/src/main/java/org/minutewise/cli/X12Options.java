package org.minutewise.cli;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.minutewise.formats.InputException;
import org.minutewise.formats.VisitOutput;
import org.minutewise.formats.x12.X12Envelope;
import picocli.CommandLine.Option;

/**
 * The X12 envelope options of {@code check} and {@code convert} (a picocli mixin, the same flags on both): the
 * interchange's sender, receiver, first control number, creation time and usage (test or production), and the
 * submitter of loop 1000A. Used with {@code --out x12} only; a value the envelope refuses is named by its flag.
 */
final class X12Options {
    static final String DEFAULT_SENDER = "MINUTEWISE";
    static final String DEFAULT_RECEIVER = "RECEIVER";
    static final String DEFAULT_SUBMITTER_NAME = "MINUTEWISE";
    static final String DEFAULT_SUBMITTER_CONTACT = "BILLING OFFICE";
    static final String DEFAULT_SUBMITTER_PHONE = "8005550100";

    @Option(names = "--x12-sender", paramLabel = "ID", defaultValue = DEFAULT_SENDER,
            description = "X12 interchange sender id (default: ${DEFAULT-VALUE}).")
    String sender;

    @Option(names = "--x12-receiver", paramLabel = "ID", defaultValue = DEFAULT_RECEIVER,
            description = "X12 interchange receiver id (default: ${DEFAULT-VALUE}).")
    String receiver;

    @Option(names = "--x12-control", paramLabel = "N", defaultValue = "1",
            description = "First X12 interchange control number (default: ${DEFAULT-VALUE}).")
    int control;

    @Option(names = "--x12-created", paramLabel = "YYYY-MM-DDTHH:MM",
            description = "Creation date and time written in the X12 envelope (default: now).")
    String createdText;

    @Option(names = "--x12-production",
            description = "Write a production interchange (ISA15 P; default: a test one, T).")
    boolean production;

    @Option(names = "--x12-submitter-name", paramLabel = "NAME", defaultValue = DEFAULT_SUBMITTER_NAME,
            description = "The submitter's name in the 837, loop 1000A NM103 (default: ${DEFAULT-VALUE}).")
    String submitterName;

    @Option(names = "--x12-submitter-contact", paramLabel = "NAME", defaultValue = DEFAULT_SUBMITTER_CONTACT,
            description = "The submitter's contact person or office, loop 1000A PER02 (default: ${DEFAULT-VALUE}).")
    String submitterContact;

    @Option(names = "--x12-submitter-phone", paramLabel = "DIGITS", defaultValue = DEFAULT_SUBMITTER_PHONE,
            description = "The submitter contact's telephone number, digits only, area code first, loop 1000A PER04 "
                    + "(default: ${DEFAULT-VALUE}).")
    String submitterPhone;

    /** The envelope of these flags; a value the envelope refuses is an input error named by its flag. */
    X12Envelope envelope() {
        try {
            return VisitOutput.envelope(sender, receiver, control).withUsage(production ? "P" : "T")
                    .withSubmitter(submitterName, submitterContact, submitterPhone);
        } catch (InputException e) {
            throw X12Output.flagged(e);
        }
    }

    /** The creation date and time of {@code --x12-created}, else now (to the minute). */
    LocalDateTime created() {
        if (createdText == null) {
            return LocalDateTime.now().withSecond(0).withNano(0);
        }
        try {
            LocalDateTime t = LocalDateTime.parse(createdText);
            if (t.getYear() < 1 || t.getYear() > 9999) {
                throw new InputException("--x12-created", "expected a year from 1 to 9999 (the 837 writes "
                        + "CCYYMMDD), got \"" + createdText + "\"");
            }
            return t;
        } catch (java.time.format.DateTimeParseException e) {
            throw new InputException("--x12-created", "expected a date and time like 2026-03-02T10:15, got \""
                    + createdText + "\"");
        }
    }

    /**
     * For a production interchange ({@code --x12-production}), the flags still at their placeholder defaults, which
     * a receiver does not know: said on stderr, so a production file is not sent with them by mistake.
     */
    Optional<String> productionPlaceholders() {
        if (!production) {
            return Optional.empty();
        }
        List<String> left = new ArrayList<>();
        placeholder(left, "--x12-sender", sender, DEFAULT_SENDER);
        placeholder(left, "--x12-receiver", receiver, DEFAULT_RECEIVER);
        placeholder(left, "--x12-submitter-name", submitterName, DEFAULT_SUBMITTER_NAME);
        placeholder(left, "--x12-submitter-contact", submitterContact, DEFAULT_SUBMITTER_CONTACT);
        placeholder(left, "--x12-submitter-phone", submitterPhone, DEFAULT_SUBMITTER_PHONE);
        if (left.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("a production interchange (--x12-production, ISA15 P) with the placeholder "
                + String.join(", ", left) + ": set the values your trading partner gave you before it is sent");
    }

    /** The envelope, with the note of {@link #productionPlaceholders} said on stderr. */
    X12Envelope envelope(java.io.PrintWriter err) {
        X12Envelope env = envelope();
        productionPlaceholders().ifPresent(n -> err.println("minutewise: note: " + n));
        return env;
    }

    private static void placeholder(List<String> left, String flag, String value, String placeholder) {
        if (value.equals(placeholder)) {
            left.add(flag + " " + placeholder);
        }
    }
}
