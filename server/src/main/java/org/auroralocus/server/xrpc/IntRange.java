package org.auroralocus.server.xrpc;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The lexicon's {@code minimum} / {@code maximum} of an integer parameter or input field. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD})
public @interface IntRange {
    long min() default Long.MIN_VALUE;

    long max() default Long.MAX_VALUE;
}
