package org.casepulse.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.testcontainers.DockerClientFactory;

/**
 * Resolves {@link RealKafka} parameters. Starts at most one broker per mode and JVM, kept in the
 * root store so that every test class shares it and JUnit closes it after the last test.
 */
public final class RealKafkaExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RealKafkaExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RealKafka.class;
    }

    @Override
    public RealKafka resolveParameter(ParameterContext parameter, ExtensionContext context) {
        KafkaMode mode = resolveMode(context);
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(mode, RealKafkaExtension::start, RealKafka.class);
    }

    private static KafkaMode resolveMode(ExtensionContext context) {
        KafkaMode forced = context.getTestClass()
                .flatMap(testClass -> AnnotationSupport.findAnnotation(testClass, WithRealKafka.class))
                .map(WithRealKafka::value)
                .orElse(KafkaMode.AUTO);
        KafkaMode chosen = forced != KafkaMode.AUTO ? forced : KafkaMode.fromSystemProperty();
        if (chosen != KafkaMode.AUTO) {
            return chosen;
        }
        return DockerClientFactory.instance().isDockerAvailable() ? KafkaMode.DOCKER : KafkaMode.EMBEDDED;
    }

    private static RealKafka start(KafkaMode mode) {
        return switch (mode) {
            case EMBEDDED -> RealKafka.embedded();
            case DOCKER -> RealKafka.docker();
            case AUTO -> throw new IllegalArgumentException("AUTO is resolved before a broker starts");
        };
    }
}
