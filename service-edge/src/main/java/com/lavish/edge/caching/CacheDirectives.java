package com.lavish.edge.caching;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@code Cache-Control} of a resource method's answers (or of every method of a class), written by
 * {@link CacheDirectivesFilter} on each successful answer and on a 304; an error gets none, so no cache keeps it.
 * For example {@code @CacheDirectives("private, no-store")} on personal data, or
 * {@code @CacheDirectives(value = "public", maxAge = "locations.http-max-age")} on data that changes only with a
 * release.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface CacheDirectives {

    /** The directives, as the header carries them: {@code private, no-store}. */
    String value();

    /**
     * A configuration property holding a duration ({@code 24h}), sent as {@code max-age} in seconds after the
     * directives; none when empty.
     */
    String maxAge() default "";
}
