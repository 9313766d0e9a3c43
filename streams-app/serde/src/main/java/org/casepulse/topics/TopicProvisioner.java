package org.casepulse.topics;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates the topics an application needs, idempotently: topics that exist already are left as
 * they are. Returns once every partition of every topic has a leader, so clients can use them at once.
 */
public final class TopicProvisioner implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final long POLL_MILLIS = 50;

    private final String bootstrapServers;
    private final Duration timeout;
    private final Admin admin;

    /** @param timeout how long each {@link #ensureTopics} call may wait for the cluster */
    public TopicProvisioner(String bootstrapServers, Duration timeout) {
        this(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), timeout);
    }

    /**
     * @param clientConfig the cluster's address and client settings (security: {@code security.protocol},
     *                     {@code sasl.*}, {@code ssl.*}); keys an admin client does not know are left out
     * @param timeout      how long each {@link #ensureTopics} call may wait for the cluster
     */
    public TopicProvisioner(Map<String, ?> clientConfig, Duration timeout) {
        this.bootstrapServers = String.valueOf(clientConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
        this.timeout = timeout;
        int timeoutMs = Math.toIntExact(timeout.toMillis());
        Map<String, Object> config = new HashMap<>();
        clientConfig.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "casepulse-topic-provisioner");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        this.admin = Admin.create(config);
    }

    public void ensureTopics(TopicSpec... topics) {
        ensureTopics(Arrays.asList(topics));
    }

    /**
     * Creates the missing topics and waits until all of them are ready.
     *
     * @throws KafkaUnreachableException when the cluster does not answer within the timeout
     */
    public void ensureTopics(Collection<TopicSpec> topics) {
        long deadline = System.nanoTime() + timeout.toNanos();
        requireReachable(deadline);
        createMissing(topics, deadline);
        awaitLeaders(topics.stream().map(TopicSpec::name).toList(), deadline);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }

    private void requireReachable(long deadline) {
        try {
            await(admin.describeCluster(new DescribeClusterOptions().timeoutMs(remainingMillis(deadline))).clusterId(), deadline);
        } catch (ExecutionException e) {
            throw new KafkaUnreachableException("Kafka at " + bootstrapServers + " did not answer within "
                    + timeout.toMillis() + " ms (is the broker running?): " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaUnreachableException("Kafka at " + bootstrapServers + " did not answer within "
                    + timeout.toMillis() + " ms (is the broker running?)", e);
        }
    }

    private void createMissing(Collection<TopicSpec> topics, long deadline) {
        List<NewTopic> newTopics = topics.stream()
                .map(topic -> new NewTopic(topic.name(), Optional.of(topic.partitions()),
                        topic.replicationFactor() == TopicSpec.BROKER_DEFAULT ? Optional.empty() : Optional.of(topic.replicationFactor()))
                        .configs(topic.configs()))
                .toList();
        Map<String, KafkaFuture<Void>> results =
                admin.createTopics(newTopics, new CreateTopicsOptions().timeoutMs(remainingMillis(deadline))).values();
        results.forEach((name, result) -> {
            try {
                await(result, deadline);
                log.info("Created topic {}", name);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("Could not create topic " + name + " on " + bootstrapServers
                            + ": " + e.getCause().getMessage(), e.getCause());
                }
            } catch (TimeoutException e) {
                throw new IllegalStateException("Kafka at " + bootstrapServers + " did not create topic " + name
                        + " within " + timeout.toMillis() + " ms", e);
            }
        });
    }

    /** A new topic is known to the controller before the broker serves it: wait for the broker. */
    private void awaitLeaders(List<String> names, long deadline) {
        while (!allLeadersElected(names, deadline)) {
            if (remainingMillis(deadline) <= POLL_MILLIS) {
                throw notReady(names, null);
            }
            sleep();
        }
    }

    private boolean allLeadersElected(List<String> names, long deadline) {
        try {
            return await(admin.describeTopics(names).allTopicNames(), deadline).values().stream()
                    .flatMap(description -> description.partitions().stream())
                    .allMatch(partition -> partition.leader() != null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw new IllegalStateException("Could not describe topics " + names + " on " + bootstrapServers
                    + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw notReady(names, e);
        }
    }

    private IllegalStateException notReady(List<String> names, Exception cause) {
        return new IllegalStateException("Topics " + names + " on " + bootstrapServers + " were not ready within "
                + timeout.toMillis() + " ms", cause);
    }

    private static <T> T await(KafkaFuture<T> future, long deadline) throws ExecutionException, TimeoutException {
        try {
            return future.get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka topics", e);
        }
    }

    private static int remainingMillis(long deadline) {
        return (int) Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }
}
