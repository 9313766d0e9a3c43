package org.casepulse.tools;

import java.util.ArrayList;
import java.util.List;
import org.casepulse.registry.EmbeddedSchemaRegistry;
import org.casepulse.testing.RealKafka;
import org.casepulse.tools.scorecard.KnownSnapshots;

/**
 * {@link KnownSnapshots} on a snapshot topic of the real broker ({@link SnapshotTopicFixture}), with
 * the schema registry they were written through, for the commands that read them. Closing stops
 * the registry.
 */
record KnownSnapshotsTopic(EmbeddedSchemaRegistry registry, String topic, String bootstrapServers)
        implements AutoCloseable {

    static KnownSnapshotsTopic publish(RealKafka kafka) {
        EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry().start("127.0.0.1", 0);
        return new KnownSnapshotsTopic(registry, SnapshotTopicFixture.publishKnownSnapshots(kafka, registry),
                kafka.bootstrapServers());
    }

    /** Runs {@code command} with {@code options}, then the options that point it at this topic, broker and registry. */
    Cli.Result exec(String command, String... options) {
        List<String> args = new ArrayList<>();
        args.add(command);
        args.addAll(List.of(options));
        args.addAll(List.of("--topic", topic, "--bootstrap-servers", bootstrapServers, "--schema-registry-url",
                registry.url()));
        return Cli.exec(args.toArray(String[]::new));
    }

    @Override
    public void close() {
        registry.close();
    }
}
