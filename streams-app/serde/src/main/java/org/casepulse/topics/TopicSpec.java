package org.casepulse.topics;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A topic as the application needs it: name, partitions, replication factor (-1: the broker's
 * default) and topic configs (for example {@code cleanup.policy=compact}).
 */
public record TopicSpec(String name, int partitions, short replicationFactor, Map<String, String> configs) {

    public static final short BROKER_DEFAULT = -1;

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        if (partitions < 1 || (replicationFactor < 1 && replicationFactor != BROKER_DEFAULT)) {
            throw new IllegalArgumentException("Topic " + name + " needs at least one partition and one replica");
        }
        configs = Map.copyOf(configs);
    }

    /** A topic with one replica, which is all a single-node cluster can hold. */
    public static TopicSpec of(String name, int partitions) {
        return new TopicSpec(name, partitions, (short) 1, Map.of());
    }

    /** A copy keeping only the latest record per key. */
    public TopicSpec compacted() {
        return withConfig("cleanup.policy", "compact");
    }

    public TopicSpec withConfig(String key, String value) {
        Map<String, String> merged = new HashMap<>(configs);
        merged.put(key, value);
        return new TopicSpec(name, partitions, replicationFactor, merged);
    }
}
