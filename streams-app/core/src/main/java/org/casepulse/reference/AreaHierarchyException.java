package org.casepulse.reference;

import org.casepulse.reference.file.ReferenceFileException;

/** An area hierarchy file that cannot be used: start-up stops, naming the file, line and field. */
public final class AreaHierarchyException extends ReferenceFileException {
    private static final long serialVersionUID = 1L;

    public AreaHierarchyException(String file, int line, String field, String problem, Throwable cause) {
        super(file, line, field, problem, cause);
    }
}
