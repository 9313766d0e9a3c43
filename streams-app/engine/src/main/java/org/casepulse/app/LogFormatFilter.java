package org.casepulse.app;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Locale;

/**
 * Lets an appender of logback.xml write only when the chosen log format is its own, so that the
 * text and JSON appenders can both be declared (and referenced: logback warns on stdout about an
 * appender that is not) while one of them writes.
 */
public final class LogFormatFilter extends Filter<ILoggingEvent> {
    private String chosen = "";
    private String format = "";
    private boolean active;

    /** The format the configuration chose: {@code text} or {@code json}, in any case. */
    public void setChosen(String chosen) {
        this.chosen = chosen;
    }

    /** The format of the appender this filter guards. */
    public void setFormat(String format) {
        this.format = format;
    }

    @Override
    public void start() {
        active = chosen.strip().toLowerCase(Locale.ROOT).equals(format.strip().toLowerCase(Locale.ROOT));
        super.start();
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        return active ? FilterReply.NEUTRAL : FilterReply.DENY;
    }
}
