package com.lavish.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** Subscription management from the Account portal in Chromium: pending at once, then Shopify's outcome. */
class SubscriptionManagementTest extends BrowserTest {

    @Test
    void pauseShowsPendingAtOnceThenPausedOnceShopifyConfirms() {
        String customer = ShopArrangements.subscriber("Ada", "Lovelace").customerId();
        browser.loggedInAs(customer).open("/account");
        WebElement pause = action("pause");
        pause.click();
        WebElement state = browser.find("article.lavish-sub [data-field=state]");
        browser.waiting(Duration.ofSeconds(2))
                .until(d -> state.getText().contains("Waiting for Shopify")
                        || state.getText().contains("Done"));
        browser.waiting(Duration.ofSeconds(30))
                .until(d -> browser.find("article.lavish-sub [data-field=status]")
                        .getText()
                        .equals("Paused"));
        assertTrue(state.getText().startsWith("Done"), state.getText());
        browser.screenshot("account-subscription-paused");
        browser.assertNoConsoleErrors();
    }

    @Test
    void aRefusalShowsShopifysMessage() {
        ShopArrangements.Subscriber ada = ShopArrangements.subscriber("Ada", "Lovelace");
        String customer = ada.customerId();
        String contract = ada.contract();
        ShopArrangements.cancelledInShopifyOnly(contract);
        browser.loggedInAs(customer).open("/account");
        action("pause").click();
        WebElement problem = browser.find("article.lavish-sub [data-field=problem]");
        browser.waiting(Duration.ofSeconds(30)).until(d -> problem.isDisplayed());
        assertTrue(
                problem.getText().contains("Cannot update a subscription contract that is cancelled"),
                problem.getText());
        browser.screenshot("account-subscription-refused");
    }

    @Test
    void aDoubleClickSendsOneCommand() throws Exception {
        ShopArrangements.Subscriber ada = ShopArrangements.subscriber("Ada", "Lovelace");
        String customer = ada.customerId();
        String contract = ada.contract();
        browser.loggedInAs(customer).open("/account");
        WebElement skip = action("skip");
        // every change the page sends, counted where it leaves the page
        browser.script("""
                window.e2eChanges = 0
                const send = window.fetch
                window.fetch = (url, init) => {
                  if (init && init.method === 'POST' && String(url).includes('/skip')) window.e2eChanges++
                  return send(url, init)
                }""");
        new Actions(browser.driver).doubleClick(skip).perform();
        browser.waiting(Duration.ofSeconds(30))
                .until(d -> browser.find("article.lavish-sub [data-field=state]")
                        .getText()
                        .startsWith("Done"));
        assertEquals(1L, browser.script("return window.e2eChanges"));
        JsonNode subscription = ShopArrangements.JSON.readTree(
                (String) browser.fetch("GET", "/apps/lavish/subscriptions/" + contract, null, Map.of())
                        .get("body"));
        assertEquals(1, subscription.path("skipped_cycles").size(), subscription.toString());
    }

    @Test
    void anotherCustomersSubscriptionIdInThePagesRequestsIsNotFound() {
        String theirs = ShopArrangements.subscriber("Miles", "Franklin").contract();
        String customer = ShopArrangements.subscriber("Ada", "Lovelace").customerId();
        browser.loggedInAs(customer).open("/account");
        action("pause");

        assertEquals(
                404L,
                browser.fetch("GET", "/apps/lavish/subscriptions/" + theirs, null, Map.of())
                        .get("status"));
        assertEquals(
                404L,
                browser.fetch(
                                "POST",
                                "/apps/lavish/subscriptions/" + theirs + "/pause",
                                "{}",
                                Map.of("Idempotency-Key", "e2e-" + theirs))
                        .get("status"));
    }

    /** The subscription card's button for an action, once the card shows it. */
    private WebElement action(String name) {
        String css = "article.lavish-sub button[data-action=" + name + "]";
        browser.waiting(Duration.ofSeconds(15))
                .until(d -> !browser.all(css).isEmpty() && browser.find(css).isDisplayed());
        return browser.find(css);
    }
}
