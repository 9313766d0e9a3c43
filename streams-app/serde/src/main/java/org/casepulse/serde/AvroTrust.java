package org.casepulse.serde;

import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/**
 * Makes Avro trust the project's classes. Avro 1.12 refuses to load classes named in schemas
 * unless trusted; its system property {@code org.apache.avro.SERIALIZABLE_PACKAGES} is read once,
 * when Avro's {@code ClassSecurityValidator} is first initialised, so setting it later does nothing.
 * This adds {@value #TRUSTED_PACKAGE} to Avro's global predicate instead, which works whenever it
 * is called. The deserializers call it; main programs may call it first thing as well.
 */
public final class AvroTrust {
    public static final String TRUSTED_PACKAGE = "org.casepulse";

    private AvroTrust() {}

    /** Idempotent and thread-safe: adds the project's package to Avro's trusted classes unless already trusted. */
    public static synchronized void ensure() {
        ClassSecurityPredicate current = ClassSecurityValidator.getGlobal();
        if (!current.isTrusted(AvroTrust.class)) {
            ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(current,
                    type -> type.getName().startsWith(TRUSTED_PACKAGE + ".")));
        }
    }
}
