package org.casepulse.testing;

import org.testcontainers.junit.jupiter.Testcontainers;

/** The broker contract on a Kafka container: skipped where no Docker daemon answers. */
@Testcontainers(disabledWithoutDocker = true)
@WithRealKafka(KafkaMode.DOCKER)
class DockerRealKafkaIT extends RealKafkaContract {
}
