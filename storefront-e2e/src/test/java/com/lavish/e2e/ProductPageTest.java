package com.lavish.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The product page's Subscription options block, in Chromium, with Shopify's (the fake's) Ajax cart. */
class ProductPageTest extends BrowserTest {

    @Test
    void choosingEveryMonthPutsThatSellingPlanInTheCart() throws Exception {
        ShopArrangements.Plans plans = ShopArrangements.plans();
        browser.open("/products/lavish-monthly-book-box");
        browser.find("label[for$='-" + plans.monthly() + "']").click();
        assertEquals(
                plans.monthly(),
                browser.find("form[data-product-form] input[name=selling_plan]").getDomProperty("value"),
                "the product form carries the chosen plan");
        browser.find("[data-add-to-cart]").click();
        browser.waiting(Duration.ofSeconds(5))
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        org.openqa.selenium.By.cssSelector("[data-cart-status]"), "Added to cart"));
        browser.screenshot("product-page");

        Map<String, Object> cart = browser.fetch("GET", "/cart.js", null, Map.of());
        JsonNode items =
                ShopArrangements.JSON.readTree((String) cart.get("body")).path("items");
        assertEquals(1, items.size());
        assertEquals(
                plans.monthly(),
                items.path(0)
                        .path("selling_plan_allocation")
                        .path("selling_plan")
                        .path("id")
                        .asText());
        browser.assertNoConsoleErrors();
    }

    @Test
    void anotherVariantShowsItsOwnPlanPricesAndOneTimeSendsNoPlan() throws Exception {
        ShopArrangements.Plans plans = ShopArrangements.plans();
        browser.open("/products/lavish-monthly-book-box");
        String monthlyPrice = "label[for$='-" + plans.monthly() + "'] [data-field=price]";
        assertEquals("$26.96", browser.find(monthlyPrice).getText(), "10% off the one-book box's $29.95");
        new Select(browser.find("select[name=id]")).selectByIndex(1);
        browser.waiting(Duration.ofSeconds(2))
                .until(d -> browser.find(monthlyPrice).getText().equals("$49.46"));

        browser.find("label[for$='-once']").click();
        assertTrue(
                Boolean.TRUE.equals(browser.script(
                        "return document.querySelector('form[data-product-form] input[name=selling_plan]').disabled")),
                "a one-time purchase sends no selling_plan");
        browser.find("[data-add-to-cart]").click();
        browser.waiting(Duration.ofSeconds(5))
                .until(d -> browser.find("[data-cart-status]").getText().startsWith("Added"));
        JsonNode items = ShopArrangements.JSON
                .readTree((String)
                        browser.fetch("GET", "/cart.js", null, Map.of()).get("body"))
                .path("items");
        assertTrue(items.path(0).path("selling_plan_allocation").isNull());
        assertEquals(List.of(), browser.accessibilityViolations());
        browser.assertNoConsoleErrors();
    }
}
