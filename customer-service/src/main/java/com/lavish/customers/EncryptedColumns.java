package com.lavish.customers;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.lavish.edge.personaldata.EncryptedColumn;
import com.lavish.edge.personaldata.PersonalDataCipher;
import com.lavish.edge.personaldata.PersonalDataConverter;

/**
 * The columns of the customer schema stored encrypted (ADR 0005), and one converter per column: the column is the
 * associated data of its values. What names, reaches or locates a person is encrypted; what is shared by many
 * people and drives no lookup by a person stays clear: country and province names and codes, Shopify ids, states,
 * marketing consent, tags, currency and times. No query reads these columns by value: customers are found by
 * (shop_domain, shopify_id).
 */
public final class EncryptedColumns {

    public static final EncryptedColumn CUSTOMER_EMAIL = new EncryptedColumn("customer", "email");
    public static final EncryptedColumn CUSTOMER_FIRST_NAME = new EncryptedColumn("customer", "first_name");
    public static final EncryptedColumn CUSTOMER_LAST_NAME = new EncryptedColumn("customer", "last_name");
    public static final EncryptedColumn CUSTOMER_PHONE = new EncryptedColumn("customer", "phone");
    /** The merchant's free text about the customer: it may hold anything personal. */
    public static final EncryptedColumn CUSTOMER_NOTE = new EncryptedColumn("customer", "note");

    public static final EncryptedColumn ADDRESS_FIRST_NAME = new EncryptedColumn("customer_address", "first_name");
    public static final EncryptedColumn ADDRESS_LAST_NAME = new EncryptedColumn("customer_address", "last_name");
    public static final EncryptedColumn ADDRESS_COMPANY = new EncryptedColumn("customer_address", "company");
    public static final EncryptedColumn ADDRESS_ADDRESS1 = new EncryptedColumn("customer_address", "address1");
    public static final EncryptedColumn ADDRESS_ADDRESS2 = new EncryptedColumn("customer_address", "address2");
    public static final EncryptedColumn ADDRESS_CITY = new EncryptedColumn("customer_address", "city");
    public static final EncryptedColumn ADDRESS_ZIP = new EncryptedColumn("customer_address", "zip");
    public static final EncryptedColumn ADDRESS_PHONE = new EncryptedColumn("customer_address", "phone");

    public static final List<EncryptedColumn> CUSTOMER = List.of(CUSTOMER_EMAIL, CUSTOMER_FIRST_NAME,
            CUSTOMER_LAST_NAME, CUSTOMER_PHONE, CUSTOMER_NOTE);
    public static final List<EncryptedColumn> CUSTOMER_ADDRESS = List.of(ADDRESS_FIRST_NAME, ADDRESS_LAST_NAME,
            ADDRESS_COMPANY, ADDRESS_ADDRESS1, ADDRESS_ADDRESS2, ADDRESS_CITY, ADDRESS_ZIP, ADDRESS_PHONE);

    private EncryptedColumns() {
    }

    @Singleton
    public static class CustomerEmail extends PersonalDataConverter {
        @Inject
        public CustomerEmail(PersonalDataCipher cipher) {
            super(cipher, CUSTOMER_EMAIL);
        }
    }

    @Singleton
    public static class CustomerFirstName extends PersonalDataConverter {
        @Inject
        public CustomerFirstName(PersonalDataCipher cipher) {
            super(cipher, CUSTOMER_FIRST_NAME);
        }
    }

    @Singleton
    public static class CustomerLastName extends PersonalDataConverter {
        @Inject
        public CustomerLastName(PersonalDataCipher cipher) {
            super(cipher, CUSTOMER_LAST_NAME);
        }
    }

    @Singleton
    public static class CustomerPhone extends PersonalDataConverter {
        @Inject
        public CustomerPhone(PersonalDataCipher cipher) {
            super(cipher, CUSTOMER_PHONE);
        }
    }

    @Singleton
    public static class CustomerNote extends PersonalDataConverter {
        @Inject
        public CustomerNote(PersonalDataCipher cipher) {
            super(cipher, CUSTOMER_NOTE);
        }
    }

    @Singleton
    public static class AddressFirstName extends PersonalDataConverter {
        @Inject
        public AddressFirstName(PersonalDataCipher cipher) {
            super(cipher, ADDRESS_FIRST_NAME);
        }
    }

    @Singleton
    public static class AddressLastName extends PersonalDataConverter {
        @Inject
        public AddressLastName(PersonalDataCipher cipher) {
            super(cipher, ADDRESS_LAST_NAME);
        }
    }

    @Singleton
    public static class AddressCompany extends PersonalDataConverter {
        @Inject
        public AddressCompany(PersonalDataCipher cipher) {
            super(cipher, ADDRESS_COMPANY);
        }
    }

    @Singleton
    public static class AddressAddress1 extends PersonalDataConverter {
        @Inject
        public AddressAddress1(PersonalDataCipher cipher) {
            super(cipher, ADDRESS_ADDRESS1);
        }
    }

    @Singleton
    public static class AddressAddress2 extends PersonalDataConverter {
        @Inject
        public AddressAddress2(PersonalDataCipher cipher) {
            super(cipher, ADDRESS_ADDRESS2);
        }
    }

    @Singleton
    public static class AddressCity extends PersonalDataConverter {
        @Inject
        public AddressCity(PersonalDataCipher cipher) {
            super(cipher, ADDRESS_CITY);
        }
    }

    @Singleton
    public static class AddressZip extends PersonalDataConverter {
        @Inject
        public AddressZip(PersonalDataCipher cipher) {
            super(cipher, ADDRESS_ZIP);
        }
    }

    @Singleton
    public static class AddressPhone extends PersonalDataConverter {
        @Inject
        public AddressPhone(PersonalDataCipher cipher) {
            super(cipher, ADDRESS_PHONE);
        }
    }
}
