package org.casepulse.tools;

/** Entry point of casepulse-tools. */
public final class CasepulseTools {
    private CasepulseTools() {}

    public static void main(String[] args) {
        throw new UnsupportedOperationException("not yet");
    }
}
