package org.casepulse.simulation;

/**
 * The identifiers of simulated records, zero-padded so that they sort and read like a CMS's:
 * {@code case-000123}, {@code child-000045}, {@code worker-0007}, {@code evt-000123-004}.
 * An event id is its case's number and its place in the case, so it never depends on other cases.
 */
final class Ids {
    private Ids() {}

    static String caseNumber(int number) {
        return padded(number, 6);
    }

    static String caseId(String caseNumber) {
        return "case-" + caseNumber;
    }

    static String childId(int number) {
        return "child-" + padded(number, 6);
    }

    static String workerId(int number) {
        return "worker-" + padded(number, 4);
    }

    static String eventId(String caseNumber, int sequence) {
        return "evt-" + caseNumber + "-" + padded(sequence, 3);
    }

    static String assessmentId(String caseNumber, int sequence) {
        return "asmt-" + caseNumber + "-" + sequence;
    }

    static String planId(String caseNumber, int sequence) {
        return "plan-" + caseNumber + "-" + sequence;
    }

    static String conferenceId(String caseNumber, int sequence) {
        return "conf-" + caseNumber + "-" + sequence;
    }

    static String placementId(String caseNumber, int sequence) {
        return "plc-" + caseNumber + "-" + sequence;
    }

    static String arrangementId(String caseNumber) {
        return "pfa-" + caseNumber;
    }

    private static String padded(long number, int width) {
        String digits = Long.toString(number);
        if (digits.length() >= width) {
            return digits;
        }
        StringBuilder text = new StringBuilder(width);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        return text.append(digits).toString();
    }
}
