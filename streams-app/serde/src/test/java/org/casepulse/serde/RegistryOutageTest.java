package org.casepulse.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.casepulse.serde.Samples.TOPIC;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.casepulse.events.CaseEvent;
import org.casepulse.events.EventType;
import org.casepulse.registry.EmbeddedSchemaRegistry;
import org.casepulse.registry.RestSchemaRegistryClient;
import org.casepulse.registry.SchemaRegistryException;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A failing registry is the registry's fault, not the record's: the serde retries, then throws the
 * retriable {@link SchemaRegistryUnavailableException} (never the dead-lettered
 * {@link SerializationException}), logs one WARN per outage, and keeps serving schemas it has seen.
 * Only a registry that answers "no such schema" makes a record unreadable.
 */
class RegistryOutageTest {
    private static final int RETRIES = 2;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger clientLogger = (Logger) LoggerFactory.getLogger(RestSchemaRegistryClient.class);
    private EmbeddedSchemaRegistry registry;
    private HttpServer double503;

    @BeforeEach
    void captureLog() {
        log.start();
        clientLogger.addAppender(log);
    }

    @AfterEach
    void stop() {
        clientLogger.detachAppender(log);
        if (registry != null) {
            registry.close();
        }
        if (double503 != null) {
            double503.stop(0);
        }
    }

    @Test
    void shouldPauseNotDeadLetterWhenTheRegistryStopsAndKeepReadingSchemasAlreadySeen() {
        registry = new EmbeddedSchemaRegistry().start("127.0.0.1", 0);
        String url = registry.url();
        RestSchemaRegistryClient writerClient = new RestSchemaRegistryClient(url);
        byte[] event = new SpecificAvroSerializer<CaseEvent>(writerClient).serialize(TOPIC, Samples.event(EventType.CASE_CLOSED));
        byte[] snapshot = new SpecificAvroSerializer<IndicatorSnapshot>(writerClient).serialize("snapshots", Samples.snapshot());
        SpecificAvroDeserializer<CaseEvent> events = deserializer(url);
        SpecificAvroDeserializer<IndicatorSnapshot> snapshots = deserializer(url);
        assertThat(events.deserialize(TOPIC, event)).isEqualTo(Samples.event(EventType.CASE_CLOSED));

        registry.close();
        int port = URI.create(url).getPort();

        assertThat(events.deserialize(TOPIC, event)).as("schema id seen before the outage").isEqualTo(Samples.event(EventType.CASE_CLOSED));
        for (int record = 0; record < 3; record++) {
            assertThatThrownBy(() -> snapshots.deserialize("snapshots", snapshot))
                    .isInstanceOf(SchemaRegistryUnavailableException.class)
                    .isInstanceOf(RetriableException.class)
                    .isNotInstanceOf(SerializationException.class)
                    .hasMessageContaining("Schema Registry unreachable at " + url)
                    .cause().isInstanceOfSatisfying(SchemaRegistryException.class,
                            cause -> assertThat(cause.isTransient()).isTrue());
        }
        assertThat(warnings()).as("one WARN for the outage, not one per record or retry").hasSize(1);
        assertThat(warnings().get(0)).contains("Schema Registry failing", "unreachable at " + url);

        registry = new EmbeddedSchemaRegistry().start("127.0.0.1", port);
        new RestSchemaRegistryClient(registry.url()).register("snapshots-value", IndicatorSnapshot.getClassSchema());
        new RestSchemaRegistryClient(registry.url()).register(TOPIC + "-value", CaseEvent.getClassSchema());
        byte[] again = new SpecificAvroSerializer<IndicatorSnapshot>(new RestSchemaRegistryClient(registry.url()))
                .serialize("snapshots", Samples.snapshot());
        assertThat(snapshots.deserialize("snapshots", again)).isEqualTo(Samples.snapshot());
        assertThat(log.list).anyMatch(line -> line.getLevel() == Level.INFO
                && line.getFormattedMessage().contains("answers again"));
    }

    @Test
    void shouldRetryA503WithBackoffThenPause() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        double503 = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        double503.createContext("/", exchange -> {
            calls.incrementAndGet();
            byte[] body = "{\"error_code\":50003,\"message\":\"Error while forwarding the request to the leader\"}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        double503.start();
        String url = "http://127.0.0.1:" + double503.getAddress().getPort();

        assertThatThrownBy(() -> deserializer(url).deserialize(TOPIC, new byte[] {0, 0, 0, 0, 7, 2}))
                .isInstanceOf(SchemaRegistryUnavailableException.class)
                .hasMessageContaining("HTTP 503");
        assertThat(calls).as("the first call and its retries").hasValue(1 + RETRIES);

        SpecificAvroSerializer<CaseEvent> serializer = new SpecificAvroSerializer<>();
        serializer.configure(config(url), false);
        assertThatThrownBy(() -> serializer.serialize(TOPIC, Samples.event(EventType.CASE_CLOSED)))
                .isInstanceOf(SchemaRegistryUnavailableException.class);
        assertThat(warnings()).hasSize(2).as("one per client, each in its own outage");
    }

    @Test
    void shouldTimeOutOnARegistryThatNeverAnswers() throws IOException {
        // The kernel accepts connections on a listening socket that nobody reads: the request hangs.
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + silent.getLocalPort();

            assertThatThrownBy(() -> deserializer(url).deserialize(TOPIC, new byte[] {0, 0, 0, 0, 7, 2}))
                    .isInstanceOf(SchemaRegistryUnavailableException.class)
                    .hasMessageContaining("HttpTimeoutException");
        }
    }

    @Test
    void shouldDeadLetterAnIdTheRegistryDoesNotKnowWithoutRetrying() {
        registry = new EmbeddedSchemaRegistry().start("127.0.0.1", 0);

        assertThatThrownBy(() -> deserializer(registry.url()).deserialize(TOPIC, new byte[] {0, 0, 0, 0, 7, 2}))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("Unknown schema id 7");
        assertThat(registry.requests()).containsExactly("GET /schemas/ids/7");
        assertThat(warnings()).isEmpty();
    }

    private static Map<String, Object> config(String url) {
        Map<String, Object> config = new HashMap<>();
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url);
        config.put(AvroSerdeConfig.MAX_RETRIES, RETRIES);
        config.put(AvroSerdeConfig.RETRIES_WAIT_MS, "10");
        config.put(AvroSerdeConfig.RETRIES_MAX_WAIT_MS, "40");
        config.put(AvroSerdeConfig.HTTP_READ_TIMEOUT_MS, "300");
        return config;
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> SpecificAvroDeserializer<T> deserializer(String url) {
        SpecificAvroDeserializer<T> deserializer = new SpecificAvroDeserializer<>();
        deserializer.configure(config(url), false);
        return deserializer;
    }

    private List<String> warnings() {
        return log.list.stream().filter(line -> line.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
    }
}
