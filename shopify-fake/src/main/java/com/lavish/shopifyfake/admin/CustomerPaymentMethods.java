package com.lavish.shopifyfake.admin;

import java.util.LinkedHashMap;
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

    static final String CUSTOMER_ID = "_customerId";
    private static final String ERROR_TYPE = "UserError";

    private final ShopData shop;
    private final UserErrors errors = new UserErrors();

    CustomerPaymentMethods(ShopData shop) {
        this.shop = shop;
    }

    /** A new payment method of the customer, as a checkout vaults it. */
    Map<String, Object> vault(long customerId) {
        Map<String, Object> method = shop.create("CustomerPaymentMethod");
        long id = ShopData.id(method);
        method.put(CUSTOMER_ID, customerId);
        method.put("revokedAt", null);
        method.put("revokedReason", null);
        method.put("customer", (Supplier<Object>) () -> shop.customers.get(customerId));
        method.put("subscriptionContracts", (Supplier<Object>) () -> shop.contracts.values().stream()
                .filter(c -> new ContractState(c).paymentMethodId() == id).toList());
        shop.paymentMethods.put(id, method);
        return method;
    }

    /** The method a contract shows: Shopify hides a revoked one unless {@code showRevoked} asks for it. */
    static Map<String, Object> shown(Map<String, Object> method, boolean showRevoked) {
        return method == null || (method.get("revokedAt") != null && !showRevoked) ? null : method;
    }

    /**
     * customerPaymentMethodSendUpdateEmail: a known method that is not revoked gets an email to its customer
     * (recorded with the {@code from} and {@code bcc} Shopify accepts of the input); the payload names the customer.
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> sendUpdateEmail(String methodGid, Map<String, Object> email) {
        Map<String, Object> method = shop.find("CustomerPaymentMethod", methodGid);
        if (method == null) {
            errors.add(ERROR_TYPE, null, "Customer payment method does not exist", "customerPaymentMethodId");
        } else if (method.get("revokedAt") != null) {
            errors.add(ERROR_TYPE, null, "Customer payment method has been revoked", "customerPaymentMethodId");
        }
        if (!errors.isEmpty()) {
            return errors.payload("CustomerPaymentMethodSendUpdateEmailPayload", "customer", null);
        }
        Map<String, Object> customer = shop.customers.get((Long) method.get(CUSTOMER_ID));
        Map<String, Object> input = email == null ? Map.of() : email;
        Map<String, Object> sent = new LinkedHashMap<>();
        sent.put("customerPaymentMethodId", methodGid);
        sent.put("customerId", customer.get("id"));
        sent.put("to", customer.get("email"));
        sent.put("from", input.get("from"));
        sent.put("bcc", input.get("bcc") == null ? List.of() : List.copyOf((List<String>) input.get("bcc")));
        sent.put("sentAt", shop.nowText());
        shop.paymentMethodEmails.add(sent);
        return errors.payload("CustomerPaymentMethodSendUpdateEmailPayload", "customer", customer);
    }

    /** Revokes a method, as a customer removing their card does; its contracts then show none. */
    Map<String, Object> revoke(long methodId) {
        Map<String, Object> method = shop.paymentMethods.get(methodId);
        if (method == null) {
            throw new IllegalArgumentException("no customer payment method " + methodId + " in " + shop.domain());
        }
        if (method.get("revokedAt") == null) {
            method.put("revokedAt", shop.nowText());
            method.put("revokedReason", "MANUALLY_REVOKED");
        }
        return Map.of("customerPaymentMethodId", method.get("id"), "revokedAt", method.get("revokedAt"));
    }
}
