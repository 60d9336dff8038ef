package com.lavish.notifications.service;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/**
 * The languages the emails are written in, and how each writes dates and money. A customer's Shopify locale
 * ({@code fr}, {@code fr-CA}, {@code en-AU}) picks by its language; anything else is English. English formats as in
 * Britain so that a foreign currency's symbol shows ({@code A$26.96}, {@code 5 December 2026}); French as in France
 * ({@code 26,96 $AU}, {@code 5 décembre 2026}).
 */
public enum EmailLocale {
    EN("en", Locale.UK),
    FR("fr", Locale.FRANCE);

    private final String tag;
    private final Locale format;

    EmailLocale(String tag, Locale format) {
        this.tag = tag;
        this.format = format;
    }

    /** The language of a Shopify locale; English when none or one the emails are not written in. */
    public static EmailLocale of(String shopifyLocale) {
        if (shopifyLocale != null) {
            String language =
                    Locale.forLanguageTag(shopifyLocale.replace('_', '-')).getLanguage();
            for (EmailLocale locale : values()) {
                if (locale.tag.equals(language)) {
                    return locale;
                }
            }
        }
        return EN;
    }

    public String tag() {
        return tag;
    }

    /** An amount in its currency; null when either is missing or the currency is unknown. */
    public String money(BigDecimal amount, String currency) {
        if (amount == null || currency == null) {
            return null;
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(this.format);
        try {
            format.setCurrency(Currency.getInstance(currency));
        } catch (IllegalArgumentException e) {
            return amount.toPlainString() + " " + currency;
        }
        return format.format(amount);
    }

    /** An RFC 3339 time or a plain date as a long date; null when absent or unreadable. */
    public String date(String rfc3339) {
        if (rfc3339 == null || rfc3339.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = rfc3339.length() == 10
                    ? LocalDate.parse(rfc3339)
                    : OffsetDateTime.parse(rfc3339).toLocalDate();
        } catch (DateTimeParseException e) {
            return null;
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(format)
                .format(date);
    }
}
