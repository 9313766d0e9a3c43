package org.casepulse.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.junit.jupiter.api.Test;

class TransientBrokerErrorsTest {
    private static final String TRANSIENT = "Invalid sequence number for producer 2 at offset 31 in partition "
            + "casepulse.indicator-snapshots.v1-2: 14 (incoming seq. number). Expected sequence 0 for transactions v2 "
            + "idempotent producer with no existing state.";

    @Test
    void shouldShowTheBrokersTransientSequenceErrorsAtDebugOnly() {
        LoggerContext context = new LoggerContext();
        context.addTurboFilter(new TransientBrokerErrors());
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.setContext(context);
        events.start();
        Logger broker = context.getLogger(TransientBrokerErrors.BROKER_LOGGER);
        broker.addAppender(events);
        broker.setLevel(Level.DEBUG);

        broker.error("[ReplicaManager broker=1] Error processing append operation on partition x",
                new OutOfOrderSequenceException(TRANSIENT));
        broker.error("[ReplicaManager broker=1] Error processing append operation on partition y",
                new OutOfOrderSequenceException("Out of order sequence number for producer 7"));
        context.getLogger("kafka.server.KafkaApis").error("other", new OutOfOrderSequenceException(TRANSIENT));

        assertThat(events.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.DEBUG, Level.ERROR);
        assertThat(events.list.get(0).getFormattedMessage()).startsWith("Invalid sequence number").endsWith("KAFKA-18202)");
        assertThat(events.list.get(1).getFormattedMessage()).endsWith("partition y");
    }

    @Test
    void shouldBeInstalledByTheShippedLoggingConfiguration() throws Exception {
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getResource("/logback.xml"));
        assertThat(context.getTurboFilterList()).hasAtLeastOneElementOfType(TransientBrokerErrors.class);
        assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("text")).isNotNull();
    }
}
