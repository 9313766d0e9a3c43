package org.casepulse.settings;

/** A setting that cannot be used: an unknown key, or a value of the wrong form. The message names the key. */
public class InvalidSettingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidSettingException(String message) {
        super(message);
    }

    public InvalidSettingException(String message, Throwable cause) {
        super(message, cause);
    }
}
