package com.lavish.sync.service;

import static com.lavish.sync.service.SellingPlanGroupCommands.JSON;
import static com.lavish.sync.service.SellingPlanGroupCommands.missing;
import static com.lavish.sync.service.SellingPlanGroupCommands.rejectedOr;

import com.fasterxml.jackson.databind.JsonNode;
import com.lavish.events.sync.SyncCommand;
import com.lavish.sync.ShopifyGid;
import com.lavish.sync.client.AdminApiClient;
import com.lavish.sync.client.AdminOperation;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * PAYMENT_METHOD_UPDATE_EMAIL: Shopify emails the contract's customer a link to update the card the contract bills
 * (docs/shopify-reference.md, "Payment methods and the update email"). The mutation takes a payment method, not a
 * contract, so the contract's {@code customerPaymentMethod} is read first. The mutation has no idempotency key:
 * the ledger sends a key once, and only a crash between sending and recording could send a second email.
 */
@ApplicationScoped
public class PaymentMethodCommands {

    private static final String MUTATION = "customerPaymentMethodSendUpdateEmail";

    private final AdminApiClient admin;

    public PaymentMethodCommands(AdminApiClient admin) {
        this.admin = admin;
    }

    /** Succeeds with the emailed customer's id; Shopify's userErrors, or a contract with no method, are REJECTED. */
    public Uni<ShopifyOutcome> sendUpdateEmail(SyncCommand command) {
        if (command.contractId() == null) {
            return missing(command, "contractId");
        }
        return admin.execute(
                        command.shop(),
                        AdminOperation.SUBSCRIPTION_CONTRACT_PAYMENT_METHOD,
                        JSON.createObjectNode().put("id", ShopifyGid.of("SubscriptionContract", command.contractId())))
                .chain(answer -> {
                    JsonNode contract = answer.at("subscriptionContract");
                    if (!contract.isObject()) {
                        return rejected("Shopify has no subscription contract " + command.contractId() + " in "
                                + command.shop());
                    }
                    // Shopify answers null for a revoked method too (showRevoked defaults to false)
                    String method =
                            contract.path("customerPaymentMethod").path("id").asText(null);
                    if (method == null) {
                        return rejected("Subscription contract " + command.contractId()
                                + " has no payment method in Shopify (none, or it was revoked)");
                    }
                    // the gid's tail is Shopify's own token, not always a number: it is passed on as it came
                    return admin.execute(
                                    command.shop(),
                                    AdminOperation.CUSTOMER_PAYMENT_METHOD_SEND_UPDATE_EMAIL,
                                    JSON.createObjectNode().put("customerPaymentMethodId", method))
                            .map(sent -> rejectedOr(
                                    sent,
                                    MUTATION,
                                    () -> ShopifyOutcome.succeeded(ShopifyGid.numericId(
                                            sent.at(MUTATION, "customer", "id").asText(null)))));
                });
    }

    private static Uni<ShopifyOutcome> rejected(String message) {
        return Uni.createFrom().item(ShopifyOutcome.rejected(message));
    }
}
