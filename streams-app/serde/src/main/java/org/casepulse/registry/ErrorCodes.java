package org.casepulse.registry;

/** Confluent Schema Registry's {@code error_code} values that this project produces or reacts to. */
public final class ErrorCodes {
    public static final int UNAUTHORIZED = 401;
    public static final int BAD_REQUEST = 400;
    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;
    public static final int SUBJECT_SOFT_DELETED = 40404;
    public static final int SUBJECT_NOT_SOFT_DELETED = 40405;
    public static final int SUBJECT_COMPATIBILITY_NOT_CONFIGURED = 40408;
    public static final int ASSOCIATION_NOT_FOUND = 40410;
    /** Confluent's released servers answer an incompatible schema with HTTP 409 and this same code. */
    public static final int INCOMPATIBLE_SCHEMA = 409;
    public static final int INVALID_SCHEMA = 42201;
    public static final int INVALID_VERSION = 42202;
    public static final int INVALID_COMPATIBILITY_LEVEL = 42203;
    /** Writes refused to this client (the embedded registry: a non-local client without credentials). */
    public static final int FORBIDDEN = 40301;
    /** Error in the backend datastore (the embedded registry: its journal could not be written). */
    public static final int STORE_ERROR = 50001;

    private ErrorCodes() {}
}
