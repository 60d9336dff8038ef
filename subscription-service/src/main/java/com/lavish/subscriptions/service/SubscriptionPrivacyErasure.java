package com.lavish.subscriptions.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.lavish.consumer.privacy.PrivacyErasure;
import com.lavish.consumer.privacy.PrivacyRequest;
import com.lavish.subscriptions.repository.ContractRepository;

import io.smallrye.mutiny.Uni;

/**
 * What Shopify's privacy requests erase in the subscription schema (event-consumer's PrivacyRequests records them).
 * customers/redact takes the delivery address off the customer's contracts and keeps ids, statuses, lines and the
 * billing history (a shop keeps its sales records); the recorded request stops later versions bringing it back
 * ({@code ContractProjection}). shop/redact deletes everything of the shop.
 */
@ApplicationScoped
public class SubscriptionPrivacyErasure implements PrivacyErasure {

    private final ContractRepository contracts;

    public SubscriptionPrivacyErasure(ContractRepository contracts) {
        this.contracts = contracts;
    }

    @Override
    public Uni<Integer> redactCustomer(PrivacyRequest request) {
        return contracts.redactCustomer(request.shopDomain(), request.customerId());
    }

    /** Children before parents; contract lines, plans and variants go with their parents (on delete cascade). */
    @Override
    public List<String> shopTables() {
        return List.of("subscription_contract", "contract_action", "billing_attempt", "skipped_cycle", "dunning_step",
                "selling_plan_group", "product", "sync_command_outbox", "idempotent_request", "applied_event");
    }

    /** app/uninstalled owes nothing here: the shop's data goes with shop/redact, 48 hours later. */
    @Override
    public boolean concerns(String type) {
        return !PrivacyRequest.APP_UNINSTALLED.equals(type);
    }
}
