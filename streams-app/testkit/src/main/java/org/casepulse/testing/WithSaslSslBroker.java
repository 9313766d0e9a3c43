package org.casepulse.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against a broker that only speaks SASL_SSL: declare a {@link SaslSslBroker}
 * parameter (test method or lifecycle method) to get it. One broker per test class, started on
 * first use in a temporary directory and closed, the directory deleted, after the class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(SaslSslBrokerExtension.class)
public @interface WithSaslSslBroker {}
