package com.lavish.notifications.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class EmailLocaleTest {

    @Test
    void aShopifyLocaleChoosesItsLanguageAndAnythingElseIsEnglish() {
        assertEquals(EmailLocale.FR, EmailLocale.of("fr"));
        assertEquals(EmailLocale.FR, EmailLocale.of("fr-CA"));
        assertEquals(EmailLocale.EN, EmailLocale.of("en-AU"));
        assertEquals(EmailLocale.EN, EmailLocale.of("de"));
        assertEquals(EmailLocale.EN, EmailLocale.of(null));
    }

    @Test
    void moneyIsWrittenAsTheLanguageWritesTheContractsCurrency() {
        assertEquals("A$26.96", EmailLocale.EN.money(new BigDecimal("26.96"), "AUD"));
        assertEquals("26,96\u00a0$AU", EmailLocale.FR.money(new BigDecimal("26.96"), "AUD"));
        assertEquals("26.96 XQQ", EmailLocale.EN.money(new BigDecimal("26.96"), "XQQ"));
        assertNull(EmailLocale.EN.money(null, "AUD"));
    }

    @Test
    void datesAreLongDatesOfTheLanguageAndAnUnreadableOneIsLeftOut() {
        assertEquals("5 December 2026", EmailLocale.EN.date("2026-12-05T00:00:00Z"));
        assertEquals("5 décembre 2026", EmailLocale.FR.date("2026-12-05"));
        assertNull(EmailLocale.EN.date("next Tuesday"));
    }
}
