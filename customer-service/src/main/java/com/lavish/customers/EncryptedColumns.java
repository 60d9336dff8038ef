package com.lavish.customers;

import com.lavish.edge.personaldata.EncryptedColumn;
import com.lavish.edge.personaldata.EncryptedTable;
import com.lavish.edge.personaldata.PersonalDataCipher;
import com.lavish.edge.personaldata.RowKey;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.persistence.PostLoad;
import java.util.List;

/**
 * The columns of the customer schema stored encrypted (ADR 0005), bound to their row: the associated data of a value
 * is its {@code table.column} and its row's key, so a value copied into another customer's row does not decrypt. What
 * names, reaches or locates a person is encrypted; what is shared by many people and drives no lookup by a person
 * stays clear: country and province names and codes, Shopify ids, states, marketing consent, tags, currency and
 * times. No query reads these columns by value: customers are found by (shop_domain, shopify_id).
 *
 * <p>{@code CustomerWrites} encrypts as it writes; the entities, which are only read, are decrypted when loaded
 * ({@link CustomerPersonalData}, {@link AddressPersonalData}). service-edge's re-encryption job rewrites both tables.
 */
public final class EncryptedColumns {

    /** A customer's key: shop and Shopify id. */
    public static final EncryptedTable CUSTOMER = EncryptedTable.of(
            "customer",
            List.of("shop_domain", "shopify_id"),
            "email",
            "first_name",
            "last_name",
            "phone",
            // the merchant's free text about the customer: it may hold anything personal
            "note");
    /** An address's key: shop, its customer's Shopify id and its own (the table's unique key, by Shopify ids). */
    public static final EncryptedTable CUSTOMER_ADDRESS = EncryptedTable.of(
            "customer_address",
            List.of("shop_domain", "customer_shopify_id", "shopify_address_id"),
            "first_name",
            "last_name",
            "company",
            "address1",
            "address2",
            "city",
            "zip",
            "phone");

    public static final EncryptedColumn CUSTOMER_EMAIL = CUSTOMER.column("email");
    public static final EncryptedColumn CUSTOMER_FIRST_NAME = CUSTOMER.column("first_name");
    public static final EncryptedColumn CUSTOMER_LAST_NAME = CUSTOMER.column("last_name");
    public static final EncryptedColumn CUSTOMER_PHONE = CUSTOMER.column("phone");
    public static final EncryptedColumn CUSTOMER_NOTE = CUSTOMER.column("note");

    public static final EncryptedColumn ADDRESS_FIRST_NAME = CUSTOMER_ADDRESS.column("first_name");
    public static final EncryptedColumn ADDRESS_LAST_NAME = CUSTOMER_ADDRESS.column("last_name");
    public static final EncryptedColumn ADDRESS_COMPANY = CUSTOMER_ADDRESS.column("company");
    public static final EncryptedColumn ADDRESS_ADDRESS1 = CUSTOMER_ADDRESS.column("address1");
    public static final EncryptedColumn ADDRESS_ADDRESS2 = CUSTOMER_ADDRESS.column("address2");
    public static final EncryptedColumn ADDRESS_CITY = CUSTOMER_ADDRESS.column("city");
    public static final EncryptedColumn ADDRESS_ZIP = CUSTOMER_ADDRESS.column("zip");
    public static final EncryptedColumn ADDRESS_PHONE = CUSTOMER_ADDRESS.column("phone");

    private EncryptedColumns() {}

    public static RowKey customerKey(String shop, long shopifyId) {
        return CUSTOMER.key(shop, shopifyId);
    }

    public static RowKey addressKey(String shop, long customerShopifyId, long shopifyAddressId) {
        return CUSTOMER_ADDRESS.key(shop, customerShopifyId, shopifyAddressId);
    }

    /** The tables for service-edge's re-encryption job. */
    @Singleton
    static class Tables {

        @Produces
        @Singleton
        EncryptedTable customer() {
            return CUSTOMER;
        }

        @Produces
        @Singleton
        EncryptedTable customerAddress() {
            return CUSTOMER_ADDRESS;
        }
    }

    /**
     * Decrypts a loaded {@link Customer} with the customer's key. An entity listener rather than a converter: a
     * converter sees the value, not the row. A CDI bean, as Quarkus' Hibernate ORM obtains entity listeners.
     */
    @Singleton
    public static class CustomerPersonalData {

        private final PersonalDataCipher cipher;

        CustomerPersonalData(PersonalDataCipher cipher) {
            this.cipher = cipher;
        }

        @PostLoad
        void decrypt(Customer c) {
            RowKey row = customerKey(c.shopDomain, c.shopifyId);
            c.email = cipher.decrypt(c.storedEmail, CUSTOMER_EMAIL, row);
            c.firstName = cipher.decrypt(c.storedFirstName, CUSTOMER_FIRST_NAME, row);
            c.lastName = cipher.decrypt(c.storedLastName, CUSTOMER_LAST_NAME, row);
            c.phone = cipher.decrypt(c.storedPhone, CUSTOMER_PHONE, row);
            c.note = cipher.decrypt(c.storedNote, CUSTOMER_NOTE, row);
        }
    }

    /** Decrypts a loaded {@link CustomerAddress} with the address's key, which the row holds itself. */
    @Singleton
    public static class AddressPersonalData {

        private final PersonalDataCipher cipher;

        AddressPersonalData(PersonalDataCipher cipher) {
            this.cipher = cipher;
        }

        @PostLoad
        void decrypt(CustomerAddress a) {
            RowKey row = addressKey(a.shopDomain, a.customerShopifyId, a.shopifyAddressId);
            a.firstName = cipher.decrypt(a.storedFirstName, ADDRESS_FIRST_NAME, row);
            a.lastName = cipher.decrypt(a.storedLastName, ADDRESS_LAST_NAME, row);
            a.company = cipher.decrypt(a.storedCompany, ADDRESS_COMPANY, row);
            a.address1 = cipher.decrypt(a.storedAddress1, ADDRESS_ADDRESS1, row);
            a.address2 = cipher.decrypt(a.storedAddress2, ADDRESS_ADDRESS2, row);
            a.city = cipher.decrypt(a.storedCity, ADDRESS_CITY, row);
            a.zip = cipher.decrypt(a.storedZip, ADDRESS_ZIP, row);
            a.phone = cipher.decrypt(a.storedPhone, ADDRESS_PHONE, row);
        }
    }
}
