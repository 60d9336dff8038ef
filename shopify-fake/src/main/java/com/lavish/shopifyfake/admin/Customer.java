package com.lavish.shopifyfake.admin;

import java.util.List;
import java.util.function.Supplier;

/** A customer of the shop, with an address in Sydney. */
final class Customer extends Entity {

    private Customer(long id) {
        super("Customer", id);
    }

    /** A customer with this id (a checkout may name one the fake has not seen), created now; stored in the shop. */
    static Customer create(ShopData shop, long id, String email, String firstName, String lastName) {
        Customer customer = shop.add(new Customer(id));
        String now = shop.nowText();
        customer.put("email", email);
        customer.put("firstName", firstName);
        customer.put("lastName", lastName);
        customer.put("displayName", firstName + " " + lastName);
        customer.put("phone", null);
        customer.put("tags", List.of());
        customer.put("state", "ENABLED");
        customer.put("verifiedEmail", true);
        customer.put("locale", "en");
        customer.put("note", null);
        customer.put("createdAt", now);
        customer.put("updatedAt", now);
        MailingAddress address = shop.add(MailingAddress.inSydney(shop.nextId("MailingAddress"), firstName, lastName));
        customer.put("defaultAddress", address);
        customer.put("addresses", List.of(address));
        customer.put("addressesV2", List.of(address));
        customer.put(
                "emailMarketingConsent",
                SchemaValues.object(
                        "CustomerEmailMarketingConsentState",
                        "marketingState",
                        "SUBSCRIBED",
                        "marketingOptInLevel",
                        "SINGLE_OPT_IN",
                        "consentUpdatedAt",
                        now));
        customer.put("orders", (Supplier<Object>) () ->
                shop.orders.values().stream().filter(o -> o.customerId() == id).toList());
        // the same numbers customers/purchasing_summary sends (CustomerSalesHistory)
        customer.put("numberOfOrders", (Supplier<Object>) () -> Long.toString(shop.sales.numberOfOrders(id)));
        customer.put("subscriptionContracts", (Supplier<Object>) () -> shop.contracts.values().stream()
                .filter(c -> c.customerId() == id)
                .toList());
        customer.put("amountSpent", (Supplier<Object>) () -> SchemaValues.money(shop.sales.amountSpent(id)));
        shop.customers.put(id, customer);
        return customer;
    }

    /** A new email and name (null keeps the one held), on the customer and their default address. */
    void rename(String email, String firstName, String lastName, String now) {
        if (email != null) {
            put("email", email);
        }
        if (firstName != null) {
            put("firstName", firstName);
        }
        if (lastName != null) {
            put("lastName", lastName);
        }
        put("displayName", firstName() + " " + lastName());
        put("updatedAt", now);
        MailingAddress address = defaultAddress();
        if (address != null) {
            address.put("firstName", firstName());
            address.put("lastName", lastName());
            address.put("name", firstName() + " " + lastName());
        }
    }

    String email() {
        return (String) get("email");
    }

    String firstName() {
        return (String) get("firstName");
    }

    String lastName() {
        return (String) get("lastName");
    }

    String displayName() {
        return (String) get("displayName");
    }

    MailingAddress defaultAddress() {
        return (MailingAddress) get("defaultAddress");
    }
}
