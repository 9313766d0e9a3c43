package org.casepulse.settings;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one precedence order of every Casepulse command line: a value given by a flag wins over the
 * environment, which wins over the configuration file, which wins over the defaults. A blank value
 * gives nothing, so the next source down is used.
 */
public final class SettingLayers {

    /** Where a value came from, highest precedence first. */
    public enum Source {
        FLAGS("on the command line"),
        ENVIRONMENT("in the environment"),
        FILE("in the configuration file"),
        DEFAULTS("among the defaults");

        private final String where;

        Source(String where) {
            this.where = where;
        }

        /** {@code on the command line}, for messages. */
        public String where() {
            return where;
        }
    }

    private final EnumMap<Source, Map<String, String>> layers = new EnumMap<>(Source.class);

    /** Each map is keyed by setting key (environment variables already turned into keys). */
    public SettingLayers(Map<String, String> flags, Map<String, String> environment, Map<String, String> file,
                         Map<String, String> defaults) {
        layers.put(Source.FLAGS, Map.copyOf(flags));
        layers.put(Source.ENVIRONMENT, Map.copyOf(environment));
        layers.put(Source.FILE, Map.copyOf(file));
        layers.put(Source.DEFAULTS, Map.copyOf(defaults));
    }

    /** The value that wins, stripped; empty when no source gives a non-blank one. */
    public Optional<String> value(String key) {
        return sourceOf(key).map(source -> layers.get(source).get(key).strip());
    }

    /** The source whose value wins. */
    public Optional<Source> sourceOf(String key) {
        for (Source source : Source.values()) {
            String value = layers.get(source).get(key);
            if (value != null && !value.isBlank()) {
                return Optional.of(source);
            }
        }
        return Optional.empty();
    }

    /** Every key any source gives, with the value that wins: defaults first, so they keep their order. */
    public Map<String, String> merged() {
        Map<String, String> merged = new LinkedHashMap<>();
        for (Source source : List.of(Source.DEFAULTS, Source.FILE, Source.ENVIRONMENT, Source.FLAGS)) {
            layers.get(source).forEach((key, value) -> {
                if (value != null && !value.isBlank()) {
                    merged.put(key, value.strip());
                }
            });
        }
        return merged;
    }

    /** The keys one source gives. */
    public Map<String, String> layer(Source source) {
        return layers.get(source);
    }
}
