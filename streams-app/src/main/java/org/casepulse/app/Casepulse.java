package org.casepulse.app;

/** Entry point of the streams application. */
public final class Casepulse {
    private Casepulse() {}

    public static void main(String[] args) {
        throw new UnsupportedOperationException("not yet");
    }
}
