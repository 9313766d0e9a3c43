package org.casepulse.registry;

/** An error the embedded registry answers with: HTTP status and Confluent's {@code error_code} and message. */
final class RegistryError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int httpStatus;
    final int errorCode;

    RegistryError(int httpStatus, int errorCode, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    static RegistryError subjectNotFound(String subject) {
        return new RegistryError(404, ErrorCodes.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
    }

    static RegistryError versionNotFound(int version) {
        return new RegistryError(404, ErrorCodes.VERSION_NOT_FOUND, "Version " + version + " not found.");
    }

    static RegistryError schemaNotFound(String what) {
        return new RegistryError(404, ErrorCodes.SCHEMA_NOT_FOUND, what);
    }

    static RegistryError invalidSchema(String message) {
        return new RegistryError(422, ErrorCodes.INVALID_SCHEMA, message);
    }
}
