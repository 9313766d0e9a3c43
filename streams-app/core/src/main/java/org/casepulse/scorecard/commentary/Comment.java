package org.casepulse.scorecard.commentary;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Objects;
import org.casepulse.commentary.CommentaryEntry;
import org.casepulse.commentary.CommentaryKey;
import org.casepulse.commentary.CommentaryKind;

/**
 * One version of a manager's text on a figure: analysis, actions, good practice or a data-quality
 * note on one indicator, area and month. A deletion is a version too (no text), so the history of
 * an entry is every version ever written.
 *
 * @param version  1 for the first text, one more for each change or deletion
 * @param writeId  unique per write (see the commentary topic's key)
 * @param text     plain text as written; null when deleted
 * @param author   who wrote it, as authentication named them
 */
public record Comment(String indicatorId, String areaCode, YearMonth month, CommentaryKind kind, int version,
                      String writeId, String text, String author, Instant writtenAt, boolean deleted) {

    public Comment {
        Objects.requireNonNull(indicatorId, "indicatorId");
        Objects.requireNonNull(areaCode, "areaCode");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(writeId, "writeId");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(writtenAt, "writtenAt");
        if (version < 1) {
            throw new IllegalArgumentException("version must be 1 or more, got " + version);
        }
        if (deleted != (text == null)) {
            throw new IllegalArgumentException("a comment has text unless it is a deletion");
        }
    }

    /** Which entry this is a version of: one text of one kind per indicator, area and month. */
    public record Entry(String indicatorId, String areaCode, YearMonth month, CommentaryKind kind) {
        public Entry {
            Objects.requireNonNull(indicatorId, "indicatorId");
            Objects.requireNonNull(areaCode, "areaCode");
            Objects.requireNonNull(month, "month");
            Objects.requireNonNull(kind, "kind");
        }
    }

    public Entry entry() {
        return new Entry(indicatorId, areaCode, month, kind);
    }

    /**
     * Reads one record of the commentary topic.
     *
     * @throws IllegalArgumentException when the key's month is not YYYY-MM, or the record is inconsistent
     */
    public static Comment of(CommentaryKey key, CommentaryEntry value) {
        YearMonth month;
        try {
            month = YearMonth.parse(key.getMonth());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("month " + key.getMonth() + " is not YYYY-MM", e);
        }
        return new Comment(key.getIndicatorId(), key.getAreaCode(), month, key.getKind(), key.getVersion(),
                key.getWriteId(), value.getDeleted() ? null : value.getText(), value.getAuthor(), value.getWrittenAt(),
                value.getDeleted());
    }

    public CommentaryKey toKey() {
        return CommentaryKey.newBuilder().setIndicatorId(indicatorId).setAreaCode(areaCode)
                .setMonth(month.toString()).setKind(kind).setVersion(version).setWriteId(writeId).build();
    }

    public CommentaryEntry toValue() {
        return CommentaryEntry.newBuilder().setText(text).setAuthor(author).setWrittenAt(writtenAt)
                .setDeleted(deleted).build();
    }

    /** What the seeds call each kind, for the page and the report. */
    public static String describe(CommentaryKind kind) {
        return switch (kind) {
            case ANALYSIS -> "Analysis";
            case ACTIONS -> "Actions";
            case GOOD_PRACTICE -> "Good practice";
            case DATA_QUALITY -> "Data-quality note";
        };
    }
}
