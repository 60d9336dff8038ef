package com.lavish.shopifyfake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleWebhookBuyerTest {

    private static final String SHOP = "lavish-library.myshopify.com";
    private static final SampleWebhooks.Buyer ADA =
            new SampleWebhooks.Buyer(9007199254740993L, "ada.reader@example.com.au", "Ada", "Lovelace");

    @Test
    void aCustomerSampleCarriesTheBuyersNameOnTheCustomerAndItsAddresses() throws IOException {
        JsonNode customer =
                SampleWebhooks.JSON.readTree(SampleWebhooks.lavishFor("customers/create", SHOP, ADA, Map.of()));

        assertEquals("Ada", customer.path("first_name").asText());
        assertEquals("Lovelace", customer.path("last_name").asText());
        JsonNode address = customer.path("default_address");
        assertEquals("Ada", address.path("first_name").asText());
        assertEquals("Lovelace", address.path("last_name").asText());
        assertEquals("Ada Lovelace", address.path("name").asText());
        assertEquals(ADA.customerId().longValue(), address.path("customer_id").asLong());
    }

    @Test
    void anOrderSampleCarriesTheBuyersNameOnItsCustomerAndBothAddresses() throws IOException {
        JsonNode order = SampleWebhooks.JSON.readTree(SampleWebhooks.lavishFor("orders/create", SHOP, ADA, Map.of()));

        assertEquals("Ada", order.path("customer").path("first_name").asText());
        assertEquals("Ada Lovelace", order.path("billing_address").path("name").asText());
        assertEquals(
                "Lovelace", order.path("shipping_address").path("last_name").asText());
        assertEquals("ada.reader@example.com.au", order.path("email").asText());
    }

    @Test
    void withoutNamesTheSampleKeepsItsOwn() throws IOException {
        SampleWebhooks.Buyer anonymous = new SampleWebhooks.Buyer(42L, null, null, null);
        JsonNode sample = SampleWebhooks.JSON.readTree(SampleWebhooks.lavish("customers/create", SHOP, null, null));
        JsonNode customer =
                SampleWebhooks.JSON.readTree(SampleWebhooks.lavishFor("customers/create", SHOP, anonymous, Map.of()));

        assertEquals(sample.path("first_name"), customer.path("first_name"));
        assertEquals(
                sample.path("default_address").path("name"),
                customer.path("default_address").path("name"));
    }

    @Test
    void theShopResourceNamesTheShopItIsSentFor() throws IOException {
        JsonNode shop = SampleWebhooks.JSON.readTree(SampleWebhooks.lavish("app/uninstalled", SHOP, null, null));

        assertEquals(SHOP, shop.path("myshopify_domain").asText());
        assertEquals(SHOP, shop.path("domain").asText());
    }
}
