package org.casepulse.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * How the log reads: {@code text} (a dated line per event) or {@code json} (one JSON object per line,
 * for log shippers). {@code logback.xml} picks the appender named by the system property
 * {@value #PROPERTY}, else the variable {@code CASEPULSE_LOG_FORMAT} ({@link LogFormatFilter}); a
 * format chosen in the settings file is applied once the settings are read, by configuring logback again.
 */
public enum LogFormat {
    TEXT, JSON;

    static final String PROPERTY = "casepulse.log.format";
    /** The format logback.xml chose when it was read. */
    static final String CONFIGURED_PROPERTY = "CASEPULSE_LOG_APPENDER";

    /** The name of the appender in logback.xml. */
    public String appenderName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Switches the log to this format, unless it already is (or logback is not the logger, or not configured by file). */
    public void apply() {
        System.setProperty(PROPERTY, appenderName());
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        String configured = context.getProperty(CONFIGURED_PROPERTY);
        if (configured == null || configured.strip().equalsIgnoreCase(appenderName())) {
            return; // already so, or a configuration (a test's) that does not choose
        }
        context.reset();
        try {
            new ContextInitializer(context).autoConfig(); // as at start-up, now with the property set
        } catch (JoranException e) {
            throw new IllegalStateException("Cannot configure logging: " + e.getMessage(), e);
        }
    }
}
