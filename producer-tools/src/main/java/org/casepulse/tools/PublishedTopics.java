package org.casepulse.tools;

import org.casepulse.scorecard.SnapshotFigures;
import org.casepulse.scorecard.commentary.CommentaryBook;
import org.casepulse.topics.Topics;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What the commands that read the published figures and their commentary to the end share
 * ({@code export}, {@code report}): the two topics, where Kafka and the Schema Registry are, and
 * the reading itself.
 */
final class PublishedTopics {
    @Option(names = "--topic", paramLabel = "TOPIC", defaultValue = Topics.SNAPSHOTS,
            description = "The snapshot topic (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--commentary-topic", paramLabel = "TOPIC", defaultValue = Topics.COMMENTARY,
            description = "The commentary topic (default: ${DEFAULT-VALUE}).")
    String commentaryTopic;

    @Mixin
    KafkaOptions kafka;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * The Kafka options, told the command they serve: picocli gives a mixin inside a mixin the outer
     * mixin as its mixee, and the client properties (-X, environment, file) live at the command's root.
     */
    private KafkaOptions kafka() {
        kafka.command = command;
        return kafka;
    }

    /** Reads the snapshot topic to its end into {@code figures}; how many records could not be read. */
    long readFigures(SnapshotFigures figures) {
        try (SnapshotTopic snapshots = new SnapshotTopic(kafka(), topic)) {
            snapshots.readToEnd(figures);
            return snapshots.unreadable();
        }
    }

    /** Reads the commentary topic to its end into {@code book} (none when it is missing); how many records could not be read. */
    long readCommentary(CommentaryBook book) {
        return SnapshotTopic.readCommentary(kafka(), commentaryTopic, book);
    }
}
