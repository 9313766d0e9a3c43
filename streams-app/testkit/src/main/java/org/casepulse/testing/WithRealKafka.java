package org.casepulse.testing;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the test class against a real Kafka broker: declare a {@link RealKafka} parameter (test
 * method, lifecycle method or constructor) to get it. The broker is shared by every test class
 * of the JVM, so tests use {@link RealKafka#uniqueTopic} and {@link RealKafka#uniqueApplicationId}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(RealKafkaExtension.class)
public @interface WithRealKafka {
    /** Forces a broker; {@link KafkaMode#AUTO} defers to the system property {@value KafkaMode#PROPERTY}. */
    KafkaMode value() default KafkaMode.AUTO;
}
