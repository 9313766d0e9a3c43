package org.casepulse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.casepulse.registry.SchemaRegistryException;
import org.casepulse.serde.SchemaRegistryUnavailableException;
import org.casepulse.topology.RegistryOutage;
import org.junit.jupiter.api.Test;

class StreamsFailureHandlerTest {

    private final RegistryOutage outage = new RegistryOutage();
    private final StreamsFailureHandler handler = new StreamsFailureHandler(outage, Duration.ofMillis(1));

    @Test
    void shouldReplaceTheThreadOnARegistryOutageAndReportIt() {
        StreamsException failure = new StreamsException("task 0_0 failed",
                new SchemaRegistryUnavailableException("Cannot fetch Avro schema id 1",
                        SchemaRegistryException.unreachable("http://registry:8081", new java.net.ConnectException())));

        assertThat(handler.handle(failure)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(outage.current()).isNotNull();
        assertThat(outage.current().problem()).startsWith("SchemaRegistryUnavailableException: Cannot fetch Avro schema id 1");
    }

    @Test
    void shouldShutTheClientDownOnAnyOtherFault() {
        assertThat(handler.handle(new StreamsException("boom", new IllegalStateException("corrupt store"))))
                .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        assertThat(outage.current()).isNull();
    }
}
