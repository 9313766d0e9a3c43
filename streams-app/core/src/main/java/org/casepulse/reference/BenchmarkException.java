package org.casepulse.reference;

import org.casepulse.reference.file.ReferenceFileException;

/** A benchmarks file that cannot be used, naming the file, line and field at fault. */
public final class BenchmarkException extends ReferenceFileException {
    private static final long serialVersionUID = 1L;

    public BenchmarkException(String file, int line, String field, String problem, Throwable cause) {
        super(file, line, field, problem, cause);
    }
}
