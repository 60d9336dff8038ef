package com.lavish.edge.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * Checks {@link ServedShop} against {@code shopify.shops}, read when the check runs rather than injected: a service
 * that takes no shop in its requests need not configure it.
 */
public class ServedShopValidator implements ConstraintValidator<ServedShop, String> {

    @Override
    public boolean isValid(String shop, ConstraintValidatorContext context) {
        if (shop == null) {
            return true;
        }
        List<String> shops = ConfigProvider.getConfig()
                .getOptionalValues("shopify.shops", String.class)
                .orElse(List.of());
        if (shops.contains(shop)) {
            return true;
        }
        // shop domains only: the configuration's public part, never a secret
        context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("shops", shops.toString());
        return false;
    }
}
