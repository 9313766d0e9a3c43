package org.casepulse.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;
import org.junit.jupiter.api.Test;

/**
 * {@link BeforeCommit} leans on Kafka Streams internals (stores' caches are flushed before each
 * commit); this pins what the ledgers rely on, so that an upgrade that changes it fails here. The
 * test driver commits after every input record and never punctuates unless its clock moves.
 */
class BeforeCommitTest {

    private static final String HOOK = "summer-before-commit";

    @Test
    void shouldRunTheFlushAtEveryCommitAndForwardFromTheProcessorsNode() {
        try (Run run = Run.of(true)) {
            run.input.pipeInput("a", 2L, 1_000L);
            run.input.pipeInput("b", 3L, 2_000L);

            // Each commit sent what was held, through the node after the summer (which marks it).
            assertThat(run.output.readKeyValuesToList()).containsExactly(
                    KeyValue.pair("sum", "flushed 2"), KeyValue.pair("sum", "flushed 3"));
        }
    }

    @Test
    void shouldLeaveEverythingHeldWithoutTheFlush() {
        try (Run run = Run.of(false)) {
            run.input.pipeInput("a", 2L, 1_000L);

            assertThat(run.output.isEmpty()).as("nothing but the flush before a commit sends the sum").isTrue();
        }
    }

    /** The driver with its input and output topics. */
    private record Run(TopologyTestDriver driver, TestInputTopic<String, Long> input,
                       TestOutputTopic<String, String> output) implements AutoCloseable {

        static Run of(boolean flushBeforeCommits) {
            TopologyTestDriver driver = startDriver(flushBeforeCommits);
            return new Run(driver,
                    driver.createInputTopic("in", Serdes.String().serializer(), Serdes.Long().serializer()),
                    driver.createOutputTopic("out", Serdes.String().deserializer(), Serdes.String().deserializer()));
        }

        @Override
        public void close() {
            driver.close();
        }
    }

    private static TopologyTestDriver startDriver(boolean flushBeforeCommits) {
        StreamsBuilder builder = new StreamsBuilder();
        StoreBuilder<BeforeCommit> hook = BeforeCommit.builder(HOOK);
        ProcessorSupplier<String, Long, String, Long> summer = new ProcessorSupplier<>() {
            @Override
            public Processor<String, Long, String, Long> get() {
                return new Summer(flushBeforeCommits);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(hook);
            }
        };
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.Long()))
                .process(summer, Named.as("summer"))
                .mapValues(sum -> "flushed " + sum, Named.as("mark"))
                .to("out", Produced.with(Serdes.String(), Serdes.String()));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "before-commit-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        return new TopologyTestDriver(builder.build(), config);
    }

    /** Sums its input in memory and sends the sum only from the flush before each commit. */
    private static final class Summer implements Processor<String, Long, String, Long> {

        private final boolean flushBeforeCommits;
        private final List<Long> held = new ArrayList<>();
        private ProcessorContext<String, Long> context;

        Summer(boolean flushBeforeCommits) {
            this.flushBeforeCommits = flushBeforeCommits;
        }

        @Override
        public void init(ProcessorContext<String, Long> context) {
            this.context = context;
            BeforeCommit hook = context.getStateStore(HOOK);
            if (flushBeforeCommits) {
                hook.runBeforeEachCommit(context, this::flush);
            }
        }

        @Override
        public void process(Record<String, Long> record) {
            held.add(record.value());
        }

        private void flush() {
            if (held.isEmpty()) {
                return;
            }
            long sum = held.stream().mapToLong(Long::longValue).sum();
            held.clear();
            context.forward(new Record<>("sum", sum, context.currentSystemTimeMs()));
        }
    }
}
