package org.casepulse.reference.file;

/**
 * A reference data file (catalogue, areas, bank holidays) that cannot be used. The message reads
 * like a compiler's, {@code file:line: field: problem}, so that the operator who wrote the file
 * can go straight to the mistake; the line and the field are left out when they do not apply.
 */
public class ReferenceFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String field;
    private final String problem;

    /**
     * @param file    the file as the user named it
     * @param line    1-based line, or 0 when the problem is not on one line
     * @param field   the field path such as {@code indicators[3].target}, or null
     * @param problem what is wrong, in the reader's terms
     */
    public ReferenceFileException(String file, int line, String field, String problem) {
        this(file, line, field, problem, null);
    }

    public ReferenceFileException(String file, int line, String field, String problem, Throwable cause) {
        super(format(file, line, field, problem), cause);
        this.file = file;
        this.line = line;
        this.field = field;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    /** 1-based line, or 0 when the problem is not on one line. */
    public int line() {
        return line;
    }

    /** The field path, or null when the problem concerns the whole file. */
    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }

    private static String format(String file, int line, String field, String problem) {
        StringBuilder message = new StringBuilder(file);
        if (line > 0) {
            message.append(':').append(line);
        }
        message.append(": ");
        if (field != null && !field.isEmpty()) {
            message.append(field).append(": ");
        }
        return message.append(problem).toString();
    }

    /** Creates the exception of one kind of file, so each loader throws its own type. */
    @FunctionalInterface
    public interface Factory {
        ReferenceFileException create(String file, int line, String field, String problem, Throwable cause);
    }
}
