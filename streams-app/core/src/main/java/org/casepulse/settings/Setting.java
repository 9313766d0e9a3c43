package org.casepulse.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One declared setting: its key, the type of its value, its default (as it would be written in a
 * properties file; {@code null} when it has none), what it does, and how its text becomes a value.
 * Declared once, it is documented, settable from a file, the environment and flags, and checked at
 * start-up.
 *
 * @param <T> the type of the value
 */
public final class Setting<T> {
    private final String key;
    private final String type;
    private final String defaultValue;
    private final String doc;
    private final Function<String, T> parser;

    private Setting(String key, String type, String defaultValue, String doc, Function<String, T> parser) {
        this.key = Objects.requireNonNull(key, "key");
        this.type = Objects.requireNonNull(type, "type");
        this.defaultValue = defaultValue;
        this.doc = Objects.requireNonNull(doc, "doc");
        this.parser = Objects.requireNonNull(parser, "parser");
        if (!key.equals(key.strip()) || key.isEmpty() || !key.equals(key.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("A setting key is lower case without spaces: '" + key + "'");
        }
        if (defaultValue != null) {
            parse(defaultValue); // a default that does not parse is a declaration bug: fail at class load
        }
    }

    /**
     * A setting of any type.
     *
     * @param type   how the type reads in the documentation: {@code whole number}, {@code date}
     * @param parser turns the text into a value, or throws IllegalArgumentException saying what was expected
     */
    public static <T> Setting<T> of(String key, String type, String defaultValue, String doc, Function<String, T> parser) {
        return new Setting<>(key, type, defaultValue, doc, parser);
    }

    public static Setting<String> text(String key, String defaultValue, String doc) {
        return of(key, "text", defaultValue, doc, Function.identity());
    }

    public static Setting<Integer> integer(String key, Integer defaultValue, String doc) {
        return of(key, "whole number", text(defaultValue), doc, Setting::parseInt);
    }

    public static Setting<Long> longInteger(String key, Long defaultValue, String doc) {
        return of(key, "whole number", text(defaultValue), doc, Setting::parseLong);
    }

    /** A TCP port, 0 for any free one. */
    public static Setting<Integer> port(String key, Integer defaultValue, String doc) {
        return of(key, "port (0: any)", text(defaultValue), doc, raw -> {
            int port = parseInt(raw);
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("expected a port number from 0 to 65535");
            }
            return port;
        });
    }

    public static Setting<Boolean> bool(String key, boolean defaultValue, String doc) {
        return of(key, "true or false", String.valueOf(defaultValue), doc, raw -> switch (raw.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        });
    }

    /** A duration written in milliseconds (the key should end in {@code .ms}). */
    public static Setting<Duration> millis(String key, Duration defaultValue, String doc) {
        return of(key, "milliseconds", defaultValue == null ? null : String.valueOf(defaultValue.toMillis()), doc,
                raw -> {
                    long ms = parseLong(raw);
                    if (ms <= 0) {
                        throw new IllegalArgumentException("expected a positive number of milliseconds");
                    }
                    return Duration.ofMillis(ms);
                });
    }

    /** A date, {@code 2026-03-31}; no default. */
    public static Setting<LocalDate> date(String key, String doc) {
        return of(key, "date (YYYY-MM-DD)", null, doc, raw -> {
            try {
                return LocalDate.parse(raw);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("expected a date like 2026-03-31");
            }
        });
    }

    /** A file; no default (the documentation says what is used without it). */
    public static Setting<Path> file(String key, String doc) {
        return of(key, "file", null, doc, Path::of);
    }

    /** One of an enum's constants, written in lower case. */
    public static <E extends Enum<E>> Setting<E> oneOf(String key, Class<E> type, E defaultValue, String doc) {
        String names = Arrays.stream(type.getEnumConstants()).map(Setting::lower).collect(Collectors.joining(" or "));
        return of(key, names, defaultValue == null ? null : lower(defaultValue), doc, raw -> {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(raw.replace('-', '_'))) {
                    return constant;
                }
            }
            throw new IllegalArgumentException("expected " + names);
        });
    }

    public String key() {
        return key;
    }

    public String type() {
        return type;
    }

    /** The default as text, or null when the setting has none. */
    public String defaultValue() {
        return defaultValue;
    }

    public String doc() {
        return doc;
    }

    /**
     * The value of this text (stripped first).
     *
     * @throws InvalidSettingException naming the key, the expected form and the text given
     */
    public T parse(String raw) {
        try {
            return parser.apply(raw.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(key + ": " + e.getMessage() + ", got '" + raw + "'", e);
        }
    }

    @Override
    public String toString() {
        return key;
    }

    private static int parseInt(String raw) {
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a whole number");
        }
    }

    private static long parseLong(String raw) {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a whole number");
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String lower(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
