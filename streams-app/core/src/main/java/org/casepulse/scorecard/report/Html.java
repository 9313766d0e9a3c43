package org.casepulse.scorecard.report;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * Writes HTML that escapes by construction: text and attribute values always go through
 * {@link #escape}; tag and attribute names must be plain identifiers (checked, since they are code,
 * never data). There is no way to add raw markup from outside this package, so a comment typed as
 * {@code <script>} is shown as those characters, never run.
 */
public final class Html {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final java.util.Set<String> VOID = java.util.Set.of("meta", "link", "br", "col", "hr", "img");

    private final StringBuilder out = new StringBuilder(16 * 1024);
    private final Deque<String> open = new ArrayDeque<>();

    /** Opens {@code tag} with attributes given as name, value pairs (a null value leaves the attribute out). */
    public Html open(String tag, String... attributes) {
        startTag(tag, attributes);
        if (!VOID.contains(tag)) {
            open.push(tag);
        }
        return this;
    }

    /** Closes the innermost open element, which must be {@code tag}. */
    public Html close(String tag) {
        String innermost = open.poll();
        if (!tag.equals(innermost)) {
            throw new IllegalStateException("closing <" + tag + "> while <" + innermost + "> is open");
        }
        out.append("</").append(tag).append('>');
        return this;
    }

    /** Escaped text. */
    public Html text(String text) {
        out.append(escape(text == null ? "" : text));
        return this;
    }

    /** {@code <tag attributes>text</tag>}. */
    public Html element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    /** A line break in text: each line escaped, joined by {@code <br>}. */
    public Html lines(String text) {
        String[] lines = (text == null ? "" : text).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append("<br>");
            }
            text(lines[i]);
        }
        return this;
    }

    /** The document type, first thing in a page. */
    Html doctype() {
        out.append("<!doctype html>\n");
        return this;
    }

    /** A style sheet this package wrote (a constant, never data): refused if it could end its element. */
    Html style(String css) {
        if (css.contains("<")) {
            throw new IllegalArgumentException("a style sheet must not contain '<'");
        }
        out.append("<style>").append(css).append("</style>");
        return this;
    }

    /** The page so far; every element must be closed. */
    public String build() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed elements: " + open);
        }
        return out.toString();
    }

    /** Text made safe for element content and quoted attribute values. */
    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private void startTag(String tag, String... attributes) {
        requireName(tag);
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        out.append('<').append(tag);
        for (int i = 0; i < attributes.length; i += 2) {
            requireName(attributes[i]);
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
            }
        }
        out.append('>');
    }

    private static void requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a tag or attribute name: " + name);
        }
    }
}
