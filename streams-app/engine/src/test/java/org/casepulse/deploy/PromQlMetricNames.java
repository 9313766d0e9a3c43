package org.casepulse.deploy;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression (or a Grafana query such as {@code label_values(...)})
 * reads. Everything that is not a metric name is taken out first: string literals (label values),
 * Grafana variables, label matchers, range and subquery brackets, grouping clauses with their
 * label lists; then every identifier that is not a function call or a keyword is a metric name.
 * Histogram series keep their suffix ({@code _bucket}, {@code _sum}, {@code _count}): they are
 * compared with the series names of a scrape, where those suffixed names appear as such.
 */
final class PromQlMetricNames {
    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern GRAFANA_VARIABLES = Pattern.compile("\\$\\{[^}]*}|\\$\\w+");
    private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern BRACKETS = Pattern.compile("\\[[^]]*]");
    // Grafana's label_values(metric, label) and label_values(label): only the metric is one.
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\s*\\(\\s*(?:([A-Za-z_:][\\w:]*)\\s*,)?[^)]*\\)");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    // Possessive, so that a function name is never matched in part before its parenthesis.
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.:])([A-Za-z_:][\\w:]*+)(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
            "on", "ignoring", "group_left", "group_right", "inf", "nan", "start", "end");

    private PromQlMetricNames() {}

    static Set<String> in(String expression) {
        String rest = STRINGS.matcher(expression).replaceAll(" ");
        rest = GRAFANA_VARIABLES.matcher(rest).replaceAll(" ");
        rest = LABEL_MATCHERS.matcher(rest).replaceAll(" ");
        rest = BRACKETS.matcher(rest).replaceAll(" ");
        rest = LABEL_VALUES.matcher(rest).replaceAll(result -> result.group(1) == null ? " " : result.group(1));
        rest = GROUPING.matcher(rest).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(rest);
        while (identifier.find()) {
            String name = identifier.group(1);
            if (!KEYWORDS.contains(name.toLowerCase())) {
                names.add(name);
            }
        }
        return names;
    }
}
