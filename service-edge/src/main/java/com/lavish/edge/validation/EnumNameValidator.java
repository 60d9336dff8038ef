package com.lavish.edge.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/** Checks {@link EnumName}: the text, upper-cased, is the name of one of the enum's constants. */
public class EnumNameValidator implements ConstraintValidator<EnumName, String> {

    private List<String> names;

    @Override
    public void initialize(EnumName constraint) {
        names = Arrays.stream(constraint.value().getEnumConstants())
                .map(Enum::name)
                .toList();
    }

    @Override
    public boolean isValid(String text, ConstraintValidatorContext context) {
        if (text == null || names.contains(text.toUpperCase(Locale.ROOT))) {
            return true;
        }
        context.unwrap(HibernateConstraintValidatorContext.class)
                .addMessageParameter("names", String.join(", ", names));
        return false;
    }
}
