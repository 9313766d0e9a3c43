package org.casepulse.topology;

/** Store keys that sort as their numbers do. */
final class Keys {

    private Keys() {}

    /** {@code value} in decimal, left-padded with zeros to {@code width} digits (String.format is slow on a hot path). */
    static String zeroPadded(long value, int width) {
        if (value < 0) {
            throw new IllegalArgumentException("negative: " + value);
        }
        String digits = Long.toString(value);
        if (digits.length() >= width) {
            return digits;
        }
        return "0".repeat(width - digits.length()) + digits;
    }
}
