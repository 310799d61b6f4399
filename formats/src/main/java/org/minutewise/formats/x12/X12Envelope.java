package org.minutewise.formats.x12;

import java.util.Objects;
import org.minutewise.formats.InputException;

/**
 * What goes around the claims of an X12 837 file: the interchange (ISA/IEA) and group (GS/GE) envelopes, the
 * submitter (loop 1000A) and the receiver (loop 1000B). Trading partners agree these values; the defaults below
 * are safe placeholders for a test file, never a production one.
 *
 * <table>
 *   <caption>Defaults ({@link #defaults()})</caption>
 *   <tr><th>field</th><th>default</th><th>where</th></tr>
 *   <tr><td>senderQualifier / senderId</td><td>{@code ZZ} / {@code MINUTEWISE}</td><td>ISA05/ISA06, GS02, 1000A NM109</td></tr>
 *   <tr><td>receiverQualifier / receiverId</td><td>{@code ZZ} / {@code RECEIVER}</td><td>ISA07/ISA08, GS03, 1000B NM109</td></tr>
 *   <tr><td>interchangeControlNumber</td><td>1</td><td>ISA13 = IEA02 (9 digits, zero-padded)</td></tr>
 *   <tr><td>groupControlNumber</td><td>1</td><td>GS06 = GE02 of the first group; a second group (837I beside 837P) takes the next number, so an interchange of two groups needs at most 999999998 (the writer refuses more, naming this field)</td></tr>
 *   <tr><td>usage</td><td>{@code T} (test)</td><td>ISA15; {@code P} for production</td></tr>
 *   <tr><td>submitterName / submitterContact / submitterPhone</td><td>{@code MINUTEWISE} / {@code BILLING OFFICE} / {@code 8005550100}</td><td>1000A NM103, PER02, PER04</td></tr>
 *   <tr><td>receiverName</td><td>{@code RECEIVER}</td><td>1000B NM103</td></tr>
 *   <tr><td>claimsPerTransaction</td><td>5000</td><td>a new ST/SE after this many claims (the TR3 recommends at most 5000 CLM per transaction set)</td></tr>
 *   <tr><td>lineBreaks</td><td>true</td><td>a line break after each segment terminator {@code ~} (easier to read; every X12 reader ignores it)</td></tr>
 * </table>
 *
 * <p>Delimiters are fixed: {@code *} element, {@code :} component, {@code ^} repetition, {@code ~} segment. A bad
 * value is an {@link InputException} naming the field ({@code envelope.senderId: ...}).
 */
public record X12Envelope(String senderQualifier, String senderId, String receiverQualifier, String receiverId,
                          int interchangeControlNumber, int groupControlNumber, String usage, String submitterName,
                          String submitterContact, String submitterPhone, String receiverName,
                          int claimsPerTransaction, boolean lineBreaks) {

    public static final int MAX_CLAIMS_PER_TRANSACTION = 5000;
    /** ISA13 and GS06 are 1 to 9 digits. */
    public static final int MAX_CONTROL_NUMBER = 999_999_999;

    public X12Envelope {
        id(senderQualifier, "senderQualifier", 2, 2);
        id(senderId, "senderId", 2, 15);
        id(receiverQualifier, "receiverQualifier", 2, 2);
        id(receiverId, "receiverId", 2, 15);
        if (interchangeControlNumber < 1 || interchangeControlNumber > MAX_CONTROL_NUMBER) {
            throw new InputException("envelope.interchangeControlNumber", "must be from 1 to 999999999, got "
                    + interchangeControlNumber);
        }
        if (groupControlNumber < 1 || groupControlNumber > MAX_CONTROL_NUMBER) {
            throw new InputException("envelope.groupControlNumber", "must be from 1 to 999999999, got "
                    + groupControlNumber);
        }
        Objects.requireNonNull(usage, "usage");
        if (!usage.equals("T") && !usage.equals("P")) {
            throw new InputException("envelope.usage", "expected T (test) or P (production), got \"" + usage + "\"");
        }
        text(submitterName, "submitterName", 60);
        text(submitterContact, "submitterContact", 60);
        text(submitterPhone, "submitterPhone", 256);
        if (!submitterPhone.matches("\\d{10,}")) {
            throw new InputException("envelope.submitterPhone", "expected digits only, area code first (10 or more), got \""
                    + submitterPhone + "\"");
        }
        text(receiverName, "receiverName", 60);
        if (claimsPerTransaction < 1 || claimsPerTransaction > MAX_CLAIMS_PER_TRANSACTION) {
            throw new InputException("envelope.claimsPerTransaction", "must be from 1 to " + MAX_CLAIMS_PER_TRANSACTION
                    + ", got " + claimsPerTransaction);
        }
    }

    /** The documented defaults: a test ({@code T}) interchange from MINUTEWISE to RECEIVER, control numbers 1. */
    public static X12Envelope defaults() {
        return new X12Envelope("ZZ", "MINUTEWISE", "ZZ", "RECEIVER", 1, 1, "T", "MINUTEWISE", "BILLING OFFICE",
                "8005550100", "RECEIVER", MAX_CLAIMS_PER_TRANSACTION, true);
    }

    public X12Envelope withSender(String qualifier, String id) {
        return new X12Envelope(qualifier, id, receiverQualifier, receiverId, interchangeControlNumber,
                groupControlNumber, usage, submitterName, submitterContact, submitterPhone, receiverName,
                claimsPerTransaction, lineBreaks);
    }

    public X12Envelope withReceiver(String qualifier, String id, String name) {
        return new X12Envelope(senderQualifier, senderId, qualifier, id, interchangeControlNumber,
                groupControlNumber, usage, submitterName, submitterContact, submitterPhone, name,
                claimsPerTransaction, lineBreaks);
    }

    public X12Envelope withControlNumbers(int interchange, int group) {
        return new X12Envelope(senderQualifier, senderId, receiverQualifier, receiverId, interchange, group, usage,
                submitterName, submitterContact, submitterPhone, receiverName, claimsPerTransaction, lineBreaks);
    }

    public X12Envelope withUsage(String u) {
        return new X12Envelope(senderQualifier, senderId, receiverQualifier, receiverId, interchangeControlNumber,
                groupControlNumber, u, submitterName, submitterContact, submitterPhone, receiverName,
                claimsPerTransaction, lineBreaks);
    }

    public X12Envelope withSubmitter(String name, String contact, String phone) {
        return new X12Envelope(senderQualifier, senderId, receiverQualifier, receiverId, interchangeControlNumber,
                groupControlNumber, usage, name, contact, phone, receiverName, claimsPerTransaction, lineBreaks);
    }

    public X12Envelope withClaimsPerTransaction(int n) {
        return new X12Envelope(senderQualifier, senderId, receiverQualifier, receiverId, interchangeControlNumber,
                groupControlNumber, usage, submitterName, submitterContact, submitterPhone, receiverName, n,
                lineBreaks);
    }

    public X12Envelope withLineBreaks(boolean b) {
        return new X12Envelope(senderQualifier, senderId, receiverQualifier, receiverId, interchangeControlNumber,
                groupControlNumber, usage, submitterName, submitterContact, submitterPhone, receiverName,
                claimsPerTransaction, b);
    }

    private static void id(String v, String field, int min, int max) {
        Objects.requireNonNull(v, field);
        if (v.length() < min || v.length() > max || !v.matches("[A-Z0-9 .\\-]+") || v.isBlank()) {
            throw new InputException("envelope." + field, (min == max ? min : min + " to " + max)
                    + " characters of A-Z, 0-9, space, dot or hyphen, got \"" + v + "\"");
        }
    }

    private static void text(String v, String field, int max) {
        Objects.requireNonNull(v, field);
        X12Text.check(v, "envelope." + field, 1, max);
    }
}
