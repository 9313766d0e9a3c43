package org.casepulse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves {@link SaslSslBroker} parameters: one broker per test class, kept in the class's store so
 * that JUnit closes it after the class's last test. Not shared between classes: each runs the
 * application under the same application id, which must not meet another class's state.
 */
public final class SaslSslBrokerExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SaslSslBrokerExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SaslSslBroker.class;
    }

    @Override
    public SaslSslBroker resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext testClass = context;
        while (testClass.getTestMethod().isPresent()) {
            testClass = testClass.getParent().orElseThrow();
        }
        return testClass.getStore(NAMESPACE).getOrComputeIfAbsent(SaslSslBroker.class, key -> new Started(start()),
                Started.class).broker();
    }

    private static SaslSslBroker start() {
        try {
            return SaslSslBroker.start(Files.createTempDirectory("casepulse-sasl-ssl"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("The SASL_SSL broker did not start: " + e.getMessage(), e);
        }
    }

    /** What the store closes after the class. */
    private record Started(SaslSslBroker broker) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            broker.closeAndDelete();
        }
    }
}
