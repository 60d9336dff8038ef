package com.lavish.orders;

import jakarta.inject.Singleton;

import com.lavish.edge.personaldata.EncryptedColumn;
import com.lavish.edge.personaldata.PersonalDataCipher;
import com.lavish.edge.personaldata.PersonalDataConverter;

/**
 * The columns of {@code customer_order} stored encrypted (ADR 0005), and one converter per column, because the column
 * is the associated data of its values (OrderWrites encrypts with the same columns). What names, reaches or locates a
 * person is encrypted: email, phone, the customer's names, the note, and the shipping and billing name, company,
 * address lines, city, zip and phone. Province and country names and codes stay clear (shared by many, needed for
 * shipping and tax), as do ids, figures, statuses and times. No query reads these columns by value: orders are found
 * by (shop_domain, shopify_id) or by the customer's Shopify id; redaction sets them null.
 *
 * <p>Each converter is a CDI bean (Quarkus' Hibernate takes converters from CDI) with the cipher injected through its
 * one constructor; service-edge's {@code PersonalDataReencryption} re-encrypts the columns of every such bean.
 */
public final class EncryptedColumns {

    public static final String TABLE = "customer_order";

    public static final EncryptedColumn EMAIL = new EncryptedColumn(TABLE, "email");
    public static final EncryptedColumn PHONE = new EncryptedColumn(TABLE, "phone");
    public static final EncryptedColumn CUSTOMER_FIRST_NAME = new EncryptedColumn(TABLE, "customer_first_name");
    public static final EncryptedColumn CUSTOMER_LAST_NAME = new EncryptedColumn(TABLE, "customer_last_name");
    public static final EncryptedColumn NOTE = new EncryptedColumn(TABLE, "note");
    public static final EncryptedColumn SHIPPING_NAME = new EncryptedColumn(TABLE, "shipping_name");
    public static final EncryptedColumn SHIPPING_COMPANY = new EncryptedColumn(TABLE, "shipping_company");
    public static final EncryptedColumn SHIPPING_ADDRESS1 = new EncryptedColumn(TABLE, "shipping_address1");
    public static final EncryptedColumn SHIPPING_ADDRESS2 = new EncryptedColumn(TABLE, "shipping_address2");
    public static final EncryptedColumn SHIPPING_CITY = new EncryptedColumn(TABLE, "shipping_city");
    public static final EncryptedColumn SHIPPING_ZIP = new EncryptedColumn(TABLE, "shipping_zip");
    public static final EncryptedColumn SHIPPING_PHONE = new EncryptedColumn(TABLE, "shipping_phone");
    public static final EncryptedColumn BILLING_NAME = new EncryptedColumn(TABLE, "billing_name");
    public static final EncryptedColumn BILLING_ADDRESS1 = new EncryptedColumn(TABLE, "billing_address1");
    public static final EncryptedColumn BILLING_ADDRESS2 = new EncryptedColumn(TABLE, "billing_address2");
    public static final EncryptedColumn BILLING_CITY = new EncryptedColumn(TABLE, "billing_city");
    public static final EncryptedColumn BILLING_ZIP = new EncryptedColumn(TABLE, "billing_zip");
    public static final EncryptedColumn BILLING_PHONE = new EncryptedColumn(TABLE, "billing_phone");

    private EncryptedColumns() {
    }

    @Singleton
    public static class Email extends PersonalDataConverter {
        Email(PersonalDataCipher cipher) {
            super(cipher, EMAIL);
        }
    }

    @Singleton
    public static class Phone extends PersonalDataConverter {
        Phone(PersonalDataCipher cipher) {
            super(cipher, PHONE);
        }
    }

    @Singleton
    public static class CustomerFirstName extends PersonalDataConverter {
        CustomerFirstName(PersonalDataCipher cipher) {
            super(cipher, CUSTOMER_FIRST_NAME);
        }
    }

    @Singleton
    public static class CustomerLastName extends PersonalDataConverter {
        CustomerLastName(PersonalDataCipher cipher) {
            super(cipher, CUSTOMER_LAST_NAME);
        }
    }

    /** The merchant's free text on the order: it may hold anything personal. */
    @Singleton
    public static class Note extends PersonalDataConverter {
        Note(PersonalDataCipher cipher) {
            super(cipher, NOTE);
        }
    }

    @Singleton
    public static class ShippingName extends PersonalDataConverter {
        ShippingName(PersonalDataCipher cipher) {
            super(cipher, SHIPPING_NAME);
        }
    }

    @Singleton
    public static class ShippingCompany extends PersonalDataConverter {
        ShippingCompany(PersonalDataCipher cipher) {
            super(cipher, SHIPPING_COMPANY);
        }
    }

    @Singleton
    public static class ShippingAddress1 extends PersonalDataConverter {
        ShippingAddress1(PersonalDataCipher cipher) {
            super(cipher, SHIPPING_ADDRESS1);
        }
    }

    @Singleton
    public static class ShippingAddress2 extends PersonalDataConverter {
        ShippingAddress2(PersonalDataCipher cipher) {
            super(cipher, SHIPPING_ADDRESS2);
        }
    }

    @Singleton
    public static class ShippingCity extends PersonalDataConverter {
        ShippingCity(PersonalDataCipher cipher) {
            super(cipher, SHIPPING_CITY);
        }
    }

    @Singleton
    public static class ShippingZip extends PersonalDataConverter {
        ShippingZip(PersonalDataCipher cipher) {
            super(cipher, SHIPPING_ZIP);
        }
    }

    @Singleton
    public static class ShippingPhone extends PersonalDataConverter {
        ShippingPhone(PersonalDataCipher cipher) {
            super(cipher, SHIPPING_PHONE);
        }
    }

    @Singleton
    public static class BillingName extends PersonalDataConverter {
        BillingName(PersonalDataCipher cipher) {
            super(cipher, BILLING_NAME);
        }
    }

    @Singleton
    public static class BillingAddress1 extends PersonalDataConverter {
        BillingAddress1(PersonalDataCipher cipher) {
            super(cipher, BILLING_ADDRESS1);
        }
    }

    @Singleton
    public static class BillingAddress2 extends PersonalDataConverter {
        BillingAddress2(PersonalDataCipher cipher) {
            super(cipher, BILLING_ADDRESS2);
        }
    }

    @Singleton
    public static class BillingCity extends PersonalDataConverter {
        BillingCity(PersonalDataCipher cipher) {
            super(cipher, BILLING_CITY);
        }
    }

    @Singleton
    public static class BillingZip extends PersonalDataConverter {
        BillingZip(PersonalDataCipher cipher) {
            super(cipher, BILLING_ZIP);
        }
    }

    @Singleton
    public static class BillingPhone extends PersonalDataConverter {
        BillingPhone(PersonalDataCipher cipher) {
            super(cipher, BILLING_PHONE);
        }
    }
}
