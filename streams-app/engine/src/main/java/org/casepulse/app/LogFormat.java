package org.casepulse.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.joran.util.ConfigurationWatchListUtil;
import java.net.URL;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * How the log reads: {@code text} (a dated line per event) or {@code json} (one JSON object per line,
 * for log shippers). {@code logback.xml} picks the appender named by the system property
 * {@value #PROPERTY}, else the variable {@code CASEPULSE_LOG_FORMAT}; a format chosen in the
 * settings file is applied once the settings are read, by configuring logback again.
 */
public enum LogFormat {
    TEXT, JSON;

    static final String PROPERTY = "casepulse.log.format";

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
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        URL configuration = ConfigurationWatchListUtil.getMainWatchURL(context);
        if (root.getAppender(appenderName()) != null || configuration == null) {
            return;
        }
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(configuration);
        } catch (JoranException e) {
            throw new IllegalStateException("Cannot configure logging from " + configuration + ": " + e.getMessage(), e);
        }
    }
}
