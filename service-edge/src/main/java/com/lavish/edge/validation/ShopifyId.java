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
 * A Shopify id as a client may send it: its digits ({@code 690875515}) or its gid
 * ({@code gid://shopify/SellingPlan/690875515}), the number fitting a {@code long}, blanks around it allowed. Null is
 * valid, as with every constraint: pair it with {@code @NotNull} where the id is required.
 */
@Documented
@Constraint(validatedBy = ShopifyIdValidator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface ShopifyId {

    String message() default "an id is digits or a Shopify gid, such as gid://shopify/Product/788032119674292922";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
