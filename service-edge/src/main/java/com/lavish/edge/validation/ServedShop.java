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
 * A shop domain this suite serves ({@code shopify.shops}, SHOPIFY_SHOPS). Null is valid: pair it with
 * {@code @NotNull} where the shop is required. The message may name the served shops as {@code {shops}}.
 */
@Documented
@Constraint(validatedBy = ServedShopValidator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface ServedShop {

    String message() default "shop must be one of the shops this suite serves: {shops}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
