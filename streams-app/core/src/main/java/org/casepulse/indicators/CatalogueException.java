package org.casepulse.indicators;

import org.casepulse.reference.file.ReferenceFileException;

/** An indicator catalogue that cannot be used: start-up stops, naming the file, line and field. */
public final class CatalogueException extends ReferenceFileException {
    private static final long serialVersionUID = 1L;

    public CatalogueException(String file, int line, String field, String problem, Throwable cause) {
        super(file, line, field, problem, cause);
    }
}
