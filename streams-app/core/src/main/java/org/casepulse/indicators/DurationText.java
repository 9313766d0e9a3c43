package org.casepulse.indicators;

import java.time.Period;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in the catalogue: {@code 12 months}, {@code 365 days}, {@code 40 weeks}, {@code 2 years}. */
final class DurationText {
    static final String EXAMPLES = "a whole number of days, weeks, months or years such as '12 months', '365 days', '40 weeks' or '2 years'";
    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})\\s+(day|days|week|weeks|month|months|year|years)");

    private DurationText() {}

    /** The period the text names, or empty when it is not {@code <positive number> <unit>}. */
    static Optional<Period> parse(String text) {
        Matcher matcher = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int amount = Integer.parseInt(matcher.group(1));
        if (amount == 0) {
            return Optional.empty();
        }
        return Optional.of(switch (matcher.group(2)) {
            case "day", "days" -> Period.ofDays(amount);
            case "week", "weeks" -> Period.ofWeeks(amount);
            case "month", "months" -> Period.ofMonths(amount);
            default -> Period.ofYears(amount);
        });
    }
}
