package com.lavish.orders;

import jakarta.inject.Singleton;

import com.lavish.edge.personaldata.PersonalDataCipher;
import com.lavish.edge.personaldata.PersonalDataConverter;

/**
 * The converters of {@code customer_order}'s columns stored encrypted (ADR 0005), one per column because the column
 * is the associated data of its values. What names, reaches or locates a person is encrypted: email, phone, the
 * customer's names, the note, and the shipping and billing name, company, address lines, city, zip and phone.
 * Province and country names and codes stay clear (shared by many, needed for shipping and tax), as do ids, figures,
 * statuses and times. No query reads these columns by value: orders are found by (shop_domain, shopify_id) or by
 * the customer's Shopify id; redaction sets them null.
 *
 * <p>Each converter is a CDI bean (Quarkus' Hibernate takes converters from CDI) with the cipher injected through its
 * one constructor; service-edge's {@code PersonalDataReencryption} re-encrypts the columns of every such bean.
 */
public final class EncryptedColumns {

    public static final String TABLE = "customer_order";

    private EncryptedColumns() {
    }

    @Singleton
    public static class Email extends PersonalDataConverter {
        Email(PersonalDataCipher cipher) {
            super(cipher, TABLE, "email");
        }
    }

    @Singleton
    public static class Phone extends PersonalDataConverter {
        Phone(PersonalDataCipher cipher) {
            super(cipher, TABLE, "phone");
        }
    }

    @Singleton
    public static class CustomerFirstName extends PersonalDataConverter {
        CustomerFirstName(PersonalDataCipher cipher) {
            super(cipher, TABLE, "customer_first_name");
        }
    }

    @Singleton
    public static class CustomerLastName extends PersonalDataConverter {
        CustomerLastName(PersonalDataCipher cipher) {
            super(cipher, TABLE, "customer_last_name");
        }
    }

    /** The merchant's free text on the order: it may hold anything personal. */
    @Singleton
    public static class Note extends PersonalDataConverter {
        Note(PersonalDataCipher cipher) {
            super(cipher, TABLE, "note");
        }
    }

    @Singleton
    public static class ShippingName extends PersonalDataConverter {
        ShippingName(PersonalDataCipher cipher) {
            super(cipher, TABLE, "shipping_name");
        }
    }

    @Singleton
    public static class ShippingCompany extends PersonalDataConverter {
        ShippingCompany(PersonalDataCipher cipher) {
            super(cipher, TABLE, "shipping_company");
        }
    }

    @Singleton
    public static class ShippingAddress1 extends PersonalDataConverter {
        ShippingAddress1(PersonalDataCipher cipher) {
            super(cipher, TABLE, "shipping_address1");
        }
    }

    @Singleton
    public static class ShippingAddress2 extends PersonalDataConverter {
        ShippingAddress2(PersonalDataCipher cipher) {
            super(cipher, TABLE, "shipping_address2");
        }
    }

    @Singleton
    public static class ShippingCity extends PersonalDataConverter {
        ShippingCity(PersonalDataCipher cipher) {
            super(cipher, TABLE, "shipping_city");
        }
    }

    @Singleton
    public static class ShippingZip extends PersonalDataConverter {
        ShippingZip(PersonalDataCipher cipher) {
            super(cipher, TABLE, "shipping_zip");
        }
    }

    @Singleton
    public static class ShippingPhone extends PersonalDataConverter {
        ShippingPhone(PersonalDataCipher cipher) {
            super(cipher, TABLE, "shipping_phone");
        }
    }

    @Singleton
    public static class BillingName extends PersonalDataConverter {
        BillingName(PersonalDataCipher cipher) {
            super(cipher, TABLE, "billing_name");
        }
    }

    @Singleton
    public static class BillingAddress1 extends PersonalDataConverter {
        BillingAddress1(PersonalDataCipher cipher) {
            super(cipher, TABLE, "billing_address1");
        }
    }

    @Singleton
    public static class BillingAddress2 extends PersonalDataConverter {
        BillingAddress2(PersonalDataCipher cipher) {
            super(cipher, TABLE, "billing_address2");
        }
    }

    @Singleton
    public static class BillingCity extends PersonalDataConverter {
        BillingCity(PersonalDataCipher cipher) {
            super(cipher, TABLE, "billing_city");
        }
    }

    @Singleton
    public static class BillingZip extends PersonalDataConverter {
        BillingZip(PersonalDataCipher cipher) {
            super(cipher, TABLE, "billing_zip");
        }
    }

    @Singleton
    public static class BillingPhone extends PersonalDataConverter {
        BillingPhone(PersonalDataCipher cipher) {
            super(cipher, TABLE, "billing_phone");
        }
    }
}
