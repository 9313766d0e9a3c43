package org.casepulse.tools;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The shared setting an option stands for ({@code bootstrap.servers}, {@code casepulse.areas}): when
 * the command line does not give the option, its value comes from {@code -X}, the environment
 * ({@code CASEPULSE_BOOTSTRAP_SERVERS}) or the --config file under that key, as in the engine.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@interface SettingKey {
    String value();
}
