package org.casepulse.http;

import org.casepulse.scorecard.commentary.Comment;
import org.casepulse.scorecard.commentary.CommentaryBook;

/**
 * Where commentary is kept: the running application writes each version to the commentary topic
 * and reads the topic back ({@link CommentaryView}); a test or a server without Kafka keeps it in
 * memory ({@link #inMemory}).
 */
public interface CommentaryStore {

    /** Every version read or written so far. */
    CommentaryBook book();

    /**
     * Stores one version durably, then adds it to {@link #book()} so that the writer reads it back at once.
     *
     * @throws CommentaryUnavailableException when it could not be stored
     */
    void write(Comment comment);

    /** Whether the book holds what the store held when this instance started. */
    boolean isCaughtUp();

    /** Kept in this process only, as tests and servers without a commentary topic need. */
    static CommentaryStore inMemory() {
        CommentaryBook book = new CommentaryBook();
        return new CommentaryStore() {
            @Override
            public CommentaryBook book() {
                return book;
            }

            @Override
            public void write(Comment comment) {
                book.apply(comment);
            }

            @Override
            public boolean isCaughtUp() {
                return true;
            }
        };
    }

    /** A version could not be stored (the topic cannot be written now). */
    final class CommentaryUnavailableException extends RuntimeException {
        public CommentaryUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
