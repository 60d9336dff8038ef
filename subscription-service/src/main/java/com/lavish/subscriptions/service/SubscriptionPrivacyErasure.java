package com.lavish.subscriptions.service;

import com.lavish.consumer.ColumnArrays;
import com.lavish.consumer.privacy.PrivacyErasure;
import com.lavish.consumer.privacy.PrivacyRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * What Shopify's privacy requests erase in the subscription schema (event-consumer's PrivacyRequests records them).
 * customers/redact takes the delivery address off the customer's contracts, and its copies (action edits, sent
 * commands, stored Idempotency-Key answers), and keeps ids, statuses, lines and the billing history (a shop keeps its sales records); the recorded request stops later versions bringing it back
 * ({@code ContractVersions}). shop/redact deletes everything of the shop.
 */
@ApplicationScoped
public class SubscriptionPrivacyErasure implements PrivacyErasure {

    /**
     * The delivery address of each customer's contracts, and every copy of personal data beside it: the edits of their
     * contract actions (an address change, pending ones too: Shopify has it, and a confirmation then applies nothing
     * here), the commands already sent to sync-service (unsent ones still go: the customer asked for them), and the
     * answers kept for their Idempotency-Keys.
     */
    private static final String REDACT = """
            with redacted as (select * from unnest($1::text[], $2::bigint[]) as r(shop_domain, customer_id)),
            contracts as (
                update subscription.subscription_contract c set delivery_first_name = null, delivery_last_name = null,
                    delivery_address1 = null, delivery_address2 = null, delivery_city = null,
                    delivery_province_code = null, delivery_country_code = null, delivery_zip = null,
                    delivery_phone = null
                from redacted r
                where c.shop_domain = r.shop_domain and c.shopify_customer_id = r.customer_id
                returning c.shop_domain, c.shopify_id),
            edits as (
                update subscription.contract_action a set edit = null from contracts k
                where a.shop_domain = k.shop_domain and a.contract_shopify_id = k.shopify_id and a.edit is not null
                returning a.command_id),
            sent as (
                delete from subscription.sync_command_outbox o using subscription.contract_action a, contracts k
                where o.command_id = a.command_id and a.shop_domain = k.shop_domain
                  and a.contract_shopify_id = k.shopify_id and o.sent_at is not null),
            answers as (
                delete from subscription.idempotent_request i using redacted r
                where i.shop_domain = r.shop_domain and i.shopify_customer_id = r.customer_id)
            select count(*) from contracts""";

    @Override
    public Uni<Void> redactCustomers(SqlConnection connection, List<PrivacyRequest> requests) {
        ColumnArrays rows = new ColumnArrays();
        requests.forEach(r -> rows.row().text(r.shopDomain()).bigint(r.customerId()));
        return connection.preparedQuery(REDACT).execute(rows.tuple()).replaceWithVoid();
    }

    /** Children before parents; contract lines, plans and variants go with their parents (on delete cascade). */
    @Override
    public List<String> shopTables() {
        return List.of(
                "subscription_contract",
                "contract_action",
                "billing_attempt",
                "skipped_cycle",
                "dunning_step",
                "selling_plan_group",
                "product",
                "sync_command_outbox",
                "idempotent_request",
                "applied_event");
    }

    /** app/uninstalled owes nothing here: the shop's data goes with shop/redact, 48 hours later. */
    @Override
    public boolean concerns(String type) {
        return !PrivacyRequest.APP_UNINSTALLED.equals(type);
    }
}
