package org.casepulse.testing;

/** The broker contract on the in-JVM KRaft broker: runs everywhere. */
@WithRealKafka(KafkaMode.EMBEDDED)
class EmbeddedRealKafkaIT extends RealKafkaContract {
}
