package com.lavish.orders;

import com.lavish.edge.personaldata.EncryptedColumn;
import com.lavish.edge.personaldata.EncryptedTable;
import com.lavish.edge.personaldata.PersonalDataCipher;
import com.lavish.edge.personaldata.RowKey;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.persistence.PostLoad;
import java.util.List;

/**
 * The columns of {@code customer_order} stored encrypted (ADR 0005), bound to their row: the associated data of a
 * value is its {@code table.column} and its order's key, so a value copied into another order's row does not decrypt.
 * What names, reaches or locates a person is encrypted: email, phone, the customer's names, the note, and the shipping
 * and billing name, company, address lines, city, zip and phone. Province and country names and codes stay clear
 * (shared by many, needed for shipping and tax), as do ids, figures, statuses and times. No query reads these columns
 * by value: orders are found by (shop_domain, shopify_id) or by the customer's Shopify id; redaction sets them null.
 * No other table of the orders schema holds personal data.
 *
 * <p>{@code OrderWrites} encrypts as it writes; the entity, which is only read, is decrypted when loaded
 * ({@link OrderPersonalData}). service-edge's re-encryption job rewrites the table.
 */
public final class EncryptedColumns {

    /** An order's key: shop and Shopify id, which the consumer knows before the row exists. */
    public static final EncryptedTable CUSTOMER_ORDER = EncryptedTable.of(
            "customer_order",
            List.of("shop_domain", "shopify_id"),
            "email",
            "phone",
            "customer_first_name",
            "customer_last_name",
            // the merchant's free text on the order: it may hold anything personal
            "note",
            "shipping_name",
            "shipping_company",
            "shipping_address1",
            "shipping_address2",
            "shipping_city",
            "shipping_zip",
            "shipping_phone",
            "billing_name",
            "billing_address1",
            "billing_address2",
            "billing_city",
            "billing_zip",
            "billing_phone");

    public static final EncryptedColumn EMAIL = CUSTOMER_ORDER.column("email");
    public static final EncryptedColumn PHONE = CUSTOMER_ORDER.column("phone");
    public static final EncryptedColumn CUSTOMER_FIRST_NAME = CUSTOMER_ORDER.column("customer_first_name");
    public static final EncryptedColumn CUSTOMER_LAST_NAME = CUSTOMER_ORDER.column("customer_last_name");
    public static final EncryptedColumn NOTE = CUSTOMER_ORDER.column("note");
    public static final EncryptedColumn SHIPPING_NAME = CUSTOMER_ORDER.column("shipping_name");
    public static final EncryptedColumn SHIPPING_COMPANY = CUSTOMER_ORDER.column("shipping_company");
    public static final EncryptedColumn SHIPPING_ADDRESS1 = CUSTOMER_ORDER.column("shipping_address1");
    public static final EncryptedColumn SHIPPING_ADDRESS2 = CUSTOMER_ORDER.column("shipping_address2");
    public static final EncryptedColumn SHIPPING_CITY = CUSTOMER_ORDER.column("shipping_city");
    public static final EncryptedColumn SHIPPING_ZIP = CUSTOMER_ORDER.column("shipping_zip");
    public static final EncryptedColumn SHIPPING_PHONE = CUSTOMER_ORDER.column("shipping_phone");
    public static final EncryptedColumn BILLING_NAME = CUSTOMER_ORDER.column("billing_name");
    public static final EncryptedColumn BILLING_ADDRESS1 = CUSTOMER_ORDER.column("billing_address1");
    public static final EncryptedColumn BILLING_ADDRESS2 = CUSTOMER_ORDER.column("billing_address2");
    public static final EncryptedColumn BILLING_CITY = CUSTOMER_ORDER.column("billing_city");
    public static final EncryptedColumn BILLING_ZIP = CUSTOMER_ORDER.column("billing_zip");
    public static final EncryptedColumn BILLING_PHONE = CUSTOMER_ORDER.column("billing_phone");

    private EncryptedColumns() {}

    public static RowKey orderKey(String shop, long shopifyId) {
        return CUSTOMER_ORDER.key(shop, shopifyId);
    }

    /** The table for service-edge's re-encryption job. */
    @Singleton
    static class Tables {

        @Produces
        @Singleton
        EncryptedTable customerOrder() {
            return CUSTOMER_ORDER;
        }
    }

    /**
     * Decrypts a loaded {@link CustomerOrder} with the order's key. An entity listener rather than a converter: a
     * converter sees the value, not the row. A CDI bean, as Quarkus' Hibernate ORM obtains entity listeners.
     */
    @Singleton
    public static class OrderPersonalData {

        private final PersonalDataCipher cipher;

        OrderPersonalData(PersonalDataCipher cipher) {
            this.cipher = cipher;
        }

        @PostLoad
        void decrypt(CustomerOrder o) {
            RowKey row = orderKey(o.shopDomain, o.shopifyId);
            o.email = cipher.decrypt(o.storedEmail, EMAIL, row);
            o.phone = cipher.decrypt(o.storedPhone, PHONE, row);
            o.customerFirstName = cipher.decrypt(o.storedCustomerFirstName, CUSTOMER_FIRST_NAME, row);
            o.customerLastName = cipher.decrypt(o.storedCustomerLastName, CUSTOMER_LAST_NAME, row);
            o.note = cipher.decrypt(o.storedNote, NOTE, row);
            o.shippingName = cipher.decrypt(o.storedShippingName, SHIPPING_NAME, row);
            o.shippingCompany = cipher.decrypt(o.storedShippingCompany, SHIPPING_COMPANY, row);
            o.shippingAddress1 = cipher.decrypt(o.storedShippingAddress1, SHIPPING_ADDRESS1, row);
            o.shippingAddress2 = cipher.decrypt(o.storedShippingAddress2, SHIPPING_ADDRESS2, row);
            o.shippingCity = cipher.decrypt(o.storedShippingCity, SHIPPING_CITY, row);
            o.shippingZip = cipher.decrypt(o.storedShippingZip, SHIPPING_ZIP, row);
            o.shippingPhone = cipher.decrypt(o.storedShippingPhone, SHIPPING_PHONE, row);
            o.billingName = cipher.decrypt(o.storedBillingName, BILLING_NAME, row);
            o.billingAddress1 = cipher.decrypt(o.storedBillingAddress1, BILLING_ADDRESS1, row);
            o.billingAddress2 = cipher.decrypt(o.storedBillingAddress2, BILLING_ADDRESS2, row);
            o.billingCity = cipher.decrypt(o.storedBillingCity, BILLING_CITY, row);
            o.billingZip = cipher.decrypt(o.storedBillingZip, BILLING_ZIP, row);
            o.billingPhone = cipher.decrypt(o.storedBillingPhone, BILLING_PHONE, row);
        }
    }
}
