package org.casepulse.tools.scorecard;

import java.util.List;

/**
 * Plain-text columns, each as wide as its widest cell, two spaces apart, every line indented by two
 * spaces; trailing spaces are trimmed. A style may wrap cells (in colour, say) without upsetting
 * the alignment, which is computed from the plain text.
 */
public final class TextTable {
    /** Wraps one cell's text; row 0 is the header. */
    @FunctionalInterface
    public interface CellStyle {
        String apply(int row, int column, String text);
    }

    private TextTable() {}

    public static String render(List<String[]> rows) {
        return render(rows, (row, column, text) -> text);
    }

    public static String render(List<String[]> rows, CellStyle style) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            StringBuilder line = new StringBuilder("  ");
            for (int c = 0; c < columns; c++) {
                line.append(style.apply(r, c, row[c]));
                if (c < columns - 1) {
                    line.append(" ".repeat(widths[c] - row[c].length() + 2));
                }
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }
}
