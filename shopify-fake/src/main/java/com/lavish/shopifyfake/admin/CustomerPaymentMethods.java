package com.lavish.shopifyfake.admin;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Customers' vaulted payment methods (docs/shopify-reference.md, "Payment methods and the update email"): one is
 * vaulted with each contract at checkout, as Shopify keeps the card a subscription checkout charged; the control
 * endpoints revoke one; {@code customerPaymentMethodSendUpdateEmail} records the email Shopify would send the
 * method's customer instead of sending it. The card itself (its instrument) is not modelled and answers null.
 */
final class CustomerPaymentMethods {

    private static final String ERROR_TYPE = "UserError";

    /** An update email as recorded; the control endpoint shows it as JSON, fields in this order. */
    record UpdateEmail(
            String customerPaymentMethodId,
            String customerId,
            String to,
            String from,
            List<String> bcc,
            String sentAt) {}

    private final ShopData shop;
    private final UserErrors errors = new UserErrors();

    CustomerPaymentMethods(ShopData shop) {
        this.shop = shop;
    }

    /** A new payment method of the customer, as a checkout vaults it. */
    CustomerPaymentMethod vault(long customerId) {
        CustomerPaymentMethod method =
                shop.add(new CustomerPaymentMethod(shop.nextId("CustomerPaymentMethod"), customerId));
        long id = method.id();
        method.put("revokedAt", null);
        method.put("revokedReason", null);
        method.put("customer", (Supplier<Object>) () -> shop.customers.get(customerId));
        method.put("subscriptionContracts", (Supplier<Object>) () -> shop.contracts.values().stream()
                .filter(c -> c.paymentMethodId() == id)
                .toList());
        shop.paymentMethods.put(id, method);
        return method;
    }

    /** The method a contract shows: Shopify hides a revoked one unless {@code showRevoked} asks for it. */
    static CustomerPaymentMethod shown(CustomerPaymentMethod method, boolean showRevoked) {
        return method == null || (method.revoked() && !showRevoked) ? null : method;
    }

    /**
     * customerPaymentMethodSendUpdateEmail: a known method that is not revoked gets an email to its customer
     * (recorded with the {@code from} and {@code bcc} Shopify accepts of the input); the payload names the customer.
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> sendUpdateEmail(String methodGid, Map<String, Object> email) {
        CustomerPaymentMethod method = shop.find(CustomerPaymentMethod.class, methodGid);
        if (method == null) {
            errors.add(ERROR_TYPE, null, "Customer payment method does not exist", "customerPaymentMethodId");
        } else if (method.revoked()) {
            errors.add(ERROR_TYPE, null, "Customer payment method has been revoked", "customerPaymentMethodId");
        }
        if (!errors.isEmpty()) {
            return errors.payload("CustomerPaymentMethodSendUpdateEmailPayload", "customer", null);
        }
        Customer customer = shop.customers.get(method.customerId());
        Map<String, Object> input = email == null ? Map.of() : email;
        List<String> bcc = input.get("bcc") == null ? List.of() : List.copyOf((List<String>) input.get("bcc"));
        shop.paymentMethodEmails.add(new UpdateEmail(
                methodGid, customer.gid(), customer.email(), (String) input.get("from"), bcc, shop.nowText()));
        return errors.payload("CustomerPaymentMethodSendUpdateEmailPayload", "customer", customer);
    }

    /** Revokes a method, as a customer removing their card does; its contracts then show none. */
    Map<String, Object> revoke(long methodId) {
        CustomerPaymentMethod method = shop.paymentMethods.get(methodId);
        if (method == null) {
            throw new IllegalArgumentException("no customer payment method " + methodId + " in " + shop.domain());
        }
        if (!method.revoked()) {
            method.put("revokedAt", shop.nowText());
            method.put("revokedReason", "MANUALLY_REVOKED");
        }
        return Map.of("customerPaymentMethodId", method.gid(), "revokedAt", method.get("revokedAt"));
    }
}
