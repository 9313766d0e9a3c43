package org.casepulse.scorecard.commentary;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.casepulse.commentary.CommentaryKind;

/**
 * Every version of every commentary entry, held in memory as read from the commentary topic, and
 * the questions the page, the API, the report and the export ask of it. Free of Kafka. Applying
 * the same version twice changes nothing, so a writer may apply what it wrote before the topic
 * hands it back. Thread-safe: one writer at a time, many readers.
 */
public final class CommentaryBook {
    /** Versions in order; two writes of one version (two instances at once) by time, then write id. */
    private static final Comparator<Comment> VERSION_ORDER = Comparator.comparingInt(Comment::version)
            .thenComparing(Comment::writtenAt).thenComparing(Comment::writeId);
    private static final Comparator<Comment.Entry> ENTRY_ORDER = Comparator.comparing(Comment.Entry::indicatorId)
            .thenComparing(Comment.Entry::areaCode).thenComparing(Comment.Entry::month)
            .thenComparing(Comment.Entry::kind);

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<Comment.Entry, TreeMap<String, Comment>> versions = new HashMap<>();

    /** @return whether the comment was new */
    public boolean apply(Comment comment) {
        Objects.requireNonNull(comment, "comment");
        lock.writeLock().lock();
        try {
            TreeMap<String, Comment> entry = versions.computeIfAbsent(comment.entry(), key -> new TreeMap<>());
            return entry.put(comment.version() + "/" + comment.writeId(), comment) == null;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The latest version of the entry, a deletion included; empty when it was never written. */
    public Optional<Comment> latest(Comment.Entry entry) {
        return read(() -> {
            TreeMap<String, Comment> entryVersions = versions.get(entry);
            return entryVersions == null ? Optional.<Comment>empty()
                    : entryVersions.values().stream().max(VERSION_ORDER);
        });
    }

    /** The entry's text as it stands: its latest version unless that is a deletion. */
    public Optional<Comment> current(Comment.Entry entry) {
        return latest(entry).filter(comment -> !comment.deleted());
    }

    /** Every version of the entry, oldest first. */
    public List<Comment> history(Comment.Entry entry) {
        return read(() -> {
            TreeMap<String, Comment> entryVersions = versions.get(entry);
            return entryVersions == null ? List.<Comment>of()
                    : entryVersions.values().stream().sorted(VERSION_ORDER).toList();
        });
    }

    /**
     * The current texts matching every given criterion (null: any), by indicator, area, month, then kind.
     */
    public List<Comment> current(String indicatorId, String areaCode, YearMonth month) {
        return find(indicatorId, areaCode, month, false);
    }

    /** Every version of the matching entries: by entry, then oldest first. */
    public List<Comment> history(String indicatorId, String areaCode, YearMonth month) {
        return find(indicatorId, areaCode, month, true);
    }

    /** How many versions are held. */
    public int size() {
        return read(() -> versions.values().stream().mapToInt(Map::size).sum());
    }

    private List<Comment> find(String indicatorId, String areaCode, YearMonth month, boolean everyVersion) {
        Predicate<Comment.Entry> wanted = entry -> (indicatorId == null || entry.indicatorId().equals(indicatorId))
                && (areaCode == null || entry.areaCode().equals(areaCode))
                && (month == null || entry.month().equals(month));
        return read(() -> {
            List<Comment> found = new ArrayList<>();
            versions.keySet().stream().filter(wanted).sorted(ENTRY_ORDER).forEach(entry -> {
                List<Comment> ordered = versions.get(entry).values().stream().sorted(VERSION_ORDER).toList();
                if (everyVersion) {
                    found.addAll(ordered);
                } else {
                    Comment latest = ordered.get(ordered.size() - 1);
                    if (!latest.deleted()) {
                        found.add(latest);
                    }
                }
            });
            return found;
        });
    }

    /** The next version number of the entry: one more than the highest written. */
    public int nextVersion(Comment.Entry entry) {
        return latest(entry).map(comment -> comment.version() + 1).orElse(1);
    }

    /** The kinds in the order the seeds print them. */
    public static List<CommentaryKind> kinds() {
        return List.of(CommentaryKind.ANALYSIS, CommentaryKind.ACTIONS, CommentaryKind.GOOD_PRACTICE,
                CommentaryKind.DATA_QUALITY);
    }

    private <T> T read(Supplier<T> query) {
        lock.readLock().lock();
        try {
            return query.get();
        } finally {
            lock.readLock().unlock();
        }
    }
}
