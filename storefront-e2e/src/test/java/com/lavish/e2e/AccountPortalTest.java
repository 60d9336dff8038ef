package com.lavish.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The Account portal block in Chromium: addresses, orders with live status, through the app proxy or direct. */
class AccountPortalTest extends BrowserTest {

    @Test
    void theAddressFormCascadesFromCountryToStateToCityForAustralia() {
        String customer = ShopArrangements.subscriber("Ada", "Lovelace").customerId();
        browser.loggedInAs(customer).open("/account");
        browser.waiting(Duration.ofSeconds(10))
                .until(d -> !browser.all("article.lavish-sub").isEmpty());
        browser.find("article.lavish-sub details.lavish-sub__address summary").click();

        WebElement country = browser.find("article.lavish-sub form[data-form=address] select[name=country_code]");
        browser.waiting(Duration.ofSeconds(5))
                .until(d ->
                        country.isEnabled() && new Select(country).getOptions().size() > 1);
        new Select(country).selectByValue("AU");
        WebElement state = browser.find("article.lavish-sub form[data-form=address] select[name=province_code]");
        browser.waiting(Duration.ofSeconds(5))
                .until(d -> state.isEnabled()
                        && new Select(state)
                                .getOptions().stream().anyMatch(o -> "NSW".equals(o.getDomProperty("value"))));
        new Select(state).selectByValue("NSW");
        WebElement city = browser.find("article.lavish-sub form[data-form=address] select[name=city]");
        browser.waiting(Duration.ofSeconds(5))
                .until(d -> city.isEnabled()
                        && new Select(city)
                                .getOptions().stream().anyMatch(o -> "Bondi".equals(o.getDomProperty("value"))));
        new Select(city).selectByValue("Bondi");
        browser.screenshot("account-address-form");

        assertEquals("AU", new Select(country).getFirstSelectedOption().getDomProperty("value"));
        assertEquals("NSW", new Select(state).getFirstSelectedOption().getDomProperty("value"));
        assertEquals("Bondi", new Select(city).getFirstSelectedOption().getDomProperty("value"));
        browser.assertNoConsoleErrors();
    }

    @Test
    void theOrderListShowsTheCustomersOrdersAndAPaidWebhookChangesTheStatusWithoutReload() {
        ShopArrangements.Buyer arranged = ShopArrangements.customerWithPendingOrder("Miles", "Franklin");
        String customer = arranged.customerId();
        String order = arranged.orderId();
        browser.loggedInAs(customer).open("/account");
        WebElement status = orderStatus();
        assertTrue(status.getText().contains("Payment pending"), status.getText());
        browser.script("document.querySelector('[data-lavish-orders]').dataset.e2eLoaded = 'once'");

        ShopArrangements.order("orders/paid", customer, order, "paid");
        browser.waiting(Duration.ofSeconds(2)).until(d -> status.getText().contains("Paid"));
        assertEquals(
                "once",
                browser.script("return document.querySelector('[data-lavish-orders]').dataset.e2eLoaded"),
                "the page was not reloaded");
        browser.screenshot("account-orders-live");
        assertEquals(List.of(), browser.accessibilityViolations());
        browser.assertNoConsoleErrors();
    }

    @Test
    void theLiveStatusSurvivesASessionTokenExpiryOnTheDirectApi() throws InterruptedException {
        ShopArrangements.Buyer arranged = ShopArrangements.customerWithPendingOrder("Ada", "Lovelace");
        String customer = arranged.customerId();
        String order = arranged.orderId();
        // ?direct: the portal calls the gateway across origins (CORS) with session tokens, which live 20 s here
        browser.loggedInAs(customer).open("/account?direct");
        WebElement status = orderStatus();
        Thread.sleep(LocalSuite.TOKEN_LIFETIME.plusSeconds(5).toMillis());

        ShopArrangements.order("orders/paid", customer, order, "paid");
        browser.waiting(Duration.ofSeconds(2)).until(d -> status.getText().contains("Paid"));
        browser.assertNoConsoleErrors();
    }

    /** The first order row's status, once the list has it and the live stream is open. */
    private WebElement orderStatus() {
        browser.waiting(Duration.ofSeconds(15))
                .until(d -> !browser.all("[data-lavish-orders] tr [data-field=status]")
                                .isEmpty()
                        && Boolean.TRUE.equals(browser.script(
                                "return performance.getEntriesByName('lavish:orders-live').length > 0")));
        return browser.find("[data-lavish-orders] tr [data-field=status]");
    }
}
