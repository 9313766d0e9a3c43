package org.casepulse.indicators;

import java.time.Period;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The longest a review may come after the one before it (or the plan's start): a calendar
 * duration ({@code 3 months}) or a number of working days ({@code 20 working days}).
 */
public record ReviewInterval(Period calendar, Integer workingDays) {
    private static final Pattern WORKING_DAYS = Pattern.compile("(\\d{1,4})\\s+working\\s+days?");

    static Optional<ReviewInterval> parse(String text) {
        Matcher matcher = WORKING_DAYS.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (matcher.matches()) {
            int days = Integer.parseInt(matcher.group(1));
            return days == 0 ? Optional.empty() : Optional.of(new ReviewInterval(null, days));
        }
        return DurationText.parse(text).map(period -> new ReviewInterval(period, null));
    }
}
