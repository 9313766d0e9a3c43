package org.casepulse.tools;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The environment variable an option falls back on when neither the command line nor --config sets it. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@interface Env {
    String value();
}
