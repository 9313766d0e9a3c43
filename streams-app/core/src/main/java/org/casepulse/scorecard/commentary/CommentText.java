package org.casepulse.scorecard.commentary;

/**
 * The rules a text must meet before it is stored: it is data typed by people, shown on the page,
 * in the report and in the CSV, so it is bounded and plain (no control characters beyond line
 * breaks and tabs). It is never interpreted as HTML anywhere; escaping happens where it is shown.
 */
public final class CommentText {
    /** The default size limit, in characters (casepulse.commentary.max-chars). */
    public static final int DEFAULT_MAX_CHARS = 4000;

    private CommentText() {}

    /**
     * The text to store: line endings made {@code \n}, surrounding blanks removed.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static String validate(String text, int maxChars) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("text is required and must not be blank");
        }
        String normal = text.replace("\r\n", "\n").replace('\r', '\n').strip();
        int length = normal.codePointCount(0, normal.length());
        if (length > maxChars) {
            throw new IllegalArgumentException("text is " + length + " characters; at most " + maxChars + " are allowed");
        }
        for (int i = 0; i < normal.length(); i++) {
            char c = normal.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                throw new IllegalArgumentException("text contains the control character U+"
                        + String.format("%04X", (int) c) + " at position " + i);
            }
        }
        return normal;
    }
}
