package org.casepulse.workforce;

/**
 * Keys of the workforce topic and of the engine's workforce ledger. The <em>subject</em> of a fact
 * is its post ({@code post:<postId>}) for post facts, else its worker ({@code worker:<workerId>});
 * a retraction names its target's subject. The record key is the subject, a bar, then the eventId:
 * the topic is compacted, and compaction keeps only the last value per key, so a key per fact
 * (not per post) keeps every version of a post and every absence the reporting window needs,
 * while an amendment (same eventId) still replaces its earlier revision.
 */
public final class WorkforceKeys {

    private WorkforceKeys() {
    }

    /** The subject the engine keeps the fact under: {@code post:P-1} or {@code worker:W-7}. */
    public static String subject(WorkforceEvent event) {
        boolean postFact = event.getType() == WorkforceEventType.POST_RECORDED
                || event.getType() == WorkforceEventType.POST_DISESTABLISHED
                || (event.getType() == WorkforceEventType.EVENT_RETRACTED && event.getPostId() != null);
        return postFact ? "post:" + event.getPostId() : "worker:" + event.getWorkerId();
    }

    /** The record key a producer must use: {@code post:P-1|wf-000123}. */
    public static String recordKey(WorkforceEvent event) {
        return subject(event) + '|' + event.getEventId();
    }
}
