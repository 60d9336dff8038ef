package com.lavish.edge.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The name of one of an enum's constants, in any case ({@code failed}, {@code FAILED}): for a parameter read as text
 * and turned into the enum by the resource, since JAX-RS answers a value that does not convert as a 404. Null is
 * valid.
 */
@Documented
@Constraint(validatedBy = EnumNameValidator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface EnumName {

    /** The enum whose constants' names are taken. */
    Class<? extends Enum<?>> value();

    String message() default "must be one of {names}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
