package com.lavish.subscriptions;

import com.lavish.edge.personaldata.EncryptedColumn;
import com.lavish.edge.personaldata.EncryptedTable;
import com.lavish.edge.personaldata.PersonalDataCipher;
import com.lavish.edge.personaldata.RowKey;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import java.util.List;

/**
 * The columns of the subscription schema stored encrypted (ADR 0005), bound to their row: the associated data of a
 * value is its {@code table.column} and its row's key, so a value copied into another row does not decrypt. What is
 * encrypted is the delivery address and its copies:
 * <ul>
 * <li>{@code subscription_contract}: the delivery address's names, lines, city, zip and phone (province and country
 * codes stay clear: shipping and tax need them), keyed by the contract (shop, Shopify id);</li>
 * <li>{@code contract_action.edit}: an update's change, which may carry a new delivery address, keyed by its contract
 * and its command id (unique);</li>
 * <li>{@code sync_command_outbox.payload}: every command and event as it waits for the relay (a contract update
 * carries the address; an event carries none, and is stored as the commands are so the relay reads one way), keyed
 * by shop and command or event id;</li>
 * <li>{@code idempotent_request.response_body}: the answer kept for an Idempotency-Key (the subscription, address
 * included), keyed by shop, customer and key.</li>
 * </ul>
 * No query reads these columns by value. The set-based writes ({@code ContractWrites}, {@code CommandOutbox}) encrypt in
 * Java before they send the statement; the entities are decrypted when loaded ({@link ContractPersonalData},
 * {@link ActionPersonalData}). service-edge's re-encryption job rewrites the tables of {@link Tables}.
 */
public final class EncryptedColumns {

    public static final EncryptedTable CONTRACT = EncryptedTable.of(
            "subscription_contract",
            List.of("shop_domain", "shopify_id"),
            "delivery_first_name",
            "delivery_last_name",
            "delivery_address1",
            "delivery_address2",
            "delivery_city",
            "delivery_zip",
            "delivery_phone");
    public static final EncryptedTable CONTRACT_ACTION =
            EncryptedTable.of("contract_action", List.of("shop_domain", "contract_shopify_id", "command_id"), "edit");
    public static final EncryptedTable SYNC_COMMAND_OUTBOX =
            EncryptedTable.of("sync_command_outbox", List.of("shop_domain", "command_id"), "payload");
    /**
     * Not re-encrypted by the job (the table has no {@code id}): its rows live one retention period
     * ({@code subscriptions.idempotency.retention}), so a retired key stays in the keyset that long.
     */
    public static final EncryptedTable IDEMPOTENT_REQUEST = EncryptedTable.of(
            "idempotent_request", List.of("shop_domain", "shopify_customer_id", "idempotency_key"), "response_body");

    public static final EncryptedColumn DELIVERY_FIRST_NAME = CONTRACT.column("delivery_first_name");
    public static final EncryptedColumn DELIVERY_LAST_NAME = CONTRACT.column("delivery_last_name");
    public static final EncryptedColumn DELIVERY_ADDRESS1 = CONTRACT.column("delivery_address1");
    public static final EncryptedColumn DELIVERY_ADDRESS2 = CONTRACT.column("delivery_address2");
    public static final EncryptedColumn DELIVERY_CITY = CONTRACT.column("delivery_city");
    public static final EncryptedColumn DELIVERY_ZIP = CONTRACT.column("delivery_zip");
    public static final EncryptedColumn DELIVERY_PHONE = CONTRACT.column("delivery_phone");
    public static final EncryptedColumn ACTION_EDIT = CONTRACT_ACTION.column("edit");
    public static final EncryptedColumn COMMAND_PAYLOAD = SYNC_COMMAND_OUTBOX.column("payload");
    public static final EncryptedColumn IDEMPOTENT_ANSWER = IDEMPOTENT_REQUEST.column("response_body");

    private EncryptedColumns() {}

    public static RowKey contractKey(String shop, long contractShopifyId) {
        return CONTRACT.key(shop, contractShopifyId);
    }

    public static RowKey actionKey(String shop, long contractShopifyId, String commandId) {
        return CONTRACT_ACTION.key(shop, contractShopifyId, commandId);
    }

    public static RowKey commandKey(String shop, String commandId) {
        return SYNC_COMMAND_OUTBOX.key(shop, commandId);
    }

    public static RowKey idempotentRequestKey(String shop, long customerId, String idempotencyKey) {
        return IDEMPOTENT_REQUEST.key(shop, customerId, idempotencyKey);
    }

    /** The tables for service-edge's re-encryption job. */
    @Singleton
    static class Tables {

        @Produces
        @Singleton
        EncryptedTable contract() {
            return CONTRACT;
        }

        @Produces
        @Singleton
        EncryptedTable contractAction() {
            return CONTRACT_ACTION;
        }

        @Produces
        @Singleton
        EncryptedTable syncCommandOutbox() {
            return SYNC_COMMAND_OUTBOX;
        }
    }

    /**
     * Decrypts a loaded {@link SubscriptionContract} with the contract's key. An entity listener rather than a
     * converter: a converter sees the value, not the row. A CDI bean, as Quarkus' Hibernate ORM obtains entity
     * listeners. Contracts are never inserted through the entity ({@code ContractWrites} writes them).
     */
    @Singleton
    public static class ContractPersonalData {

        private final PersonalDataCipher cipher;

        ContractPersonalData(PersonalDataCipher cipher) {
            this.cipher = cipher;
        }

        @PostLoad
        void decrypt(SubscriptionContract c) {
            RowKey row = contractKey(c.shopDomain, c.shopifyId);
            c.deliveryFirstName = cipher.decrypt(c.storedDeliveryFirstName, DELIVERY_FIRST_NAME, row);
            c.deliveryLastName = cipher.decrypt(c.storedDeliveryLastName, DELIVERY_LAST_NAME, row);
            c.deliveryAddress1 = cipher.decrypt(c.storedDeliveryAddress1, DELIVERY_ADDRESS1, row);
            c.deliveryAddress2 = cipher.decrypt(c.storedDeliveryAddress2, DELIVERY_ADDRESS2, row);
            c.deliveryCity = cipher.decrypt(c.storedDeliveryCity, DELIVERY_CITY, row);
            c.deliveryZip = cipher.decrypt(c.storedDeliveryZip, DELIVERY_ZIP, row);
            c.deliveryPhone = cipher.decrypt(c.storedDeliveryPhone, DELIVERY_PHONE, row);
        }
    }

    /** Encrypts a {@link ContractAction}'s edit as the storefront's request inserts it, and decrypts it when loaded. */
    @Singleton
    public static class ActionPersonalData {

        private final PersonalDataCipher cipher;

        ActionPersonalData(PersonalDataCipher cipher) {
            this.cipher = cipher;
        }

        @PrePersist
        void encrypt(ContractAction a) {
            a.storedEdit =
                    cipher.encrypt(a.edit, ACTION_EDIT, actionKey(a.shopDomain, a.contractShopifyId, a.commandId));
        }

        @PostLoad
        void decrypt(ContractAction a) {
            a.edit = cipher.decrypt(
                    a.storedEdit, ACTION_EDIT, actionKey(a.shopDomain, a.contractShopifyId, a.commandId));
        }
    }
}
