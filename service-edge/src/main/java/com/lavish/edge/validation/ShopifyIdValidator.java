package com.lavish.edge.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks {@link ShopifyId}: digits, or a gid whose last segment is digits, the number within a {@code long}. */
public class ShopifyIdValidator implements ConstraintValidator<ShopifyId, CharSequence> {

    private static final Pattern ID = Pattern.compile("(?:gid://shopify/[A-Za-z]+/)?([0-9]{1,19})(?:\\?.*)?");

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        Matcher id = ID.matcher(value.toString().strip());
        if (!id.matches()) {
            return false;
        }
        try {
            Long.parseLong(id.group(1));
            return true;
        } catch (NumberFormatException e) {
            // 19 digits beyond Long.MAX_VALUE: no Shopify id
            return false;
        }
    }
}
