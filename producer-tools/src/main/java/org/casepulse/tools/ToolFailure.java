package org.casepulse.tools;

/** A command could not do its work; the message tells the user why, in one line. Exit status 1. */
public final class ToolFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ToolFailure(String message) {
        super(message);
    }

    public ToolFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
