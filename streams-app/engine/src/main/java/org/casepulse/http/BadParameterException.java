package org.casepulse.http;

/** A query parameter the API cannot use: answered with 400 and a message naming the parameter. */
public final class BadParameterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String parameter;

    public BadParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
