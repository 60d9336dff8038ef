package com.lavish.subscriptions;

import jakarta.inject.Singleton;

import com.lavish.edge.personaldata.EncryptedColumn;
import com.lavish.edge.personaldata.PersonalDataCipher;
import com.lavish.edge.personaldata.PersonalDataConverter;

/**
 * The columns of {@code subscription_contract} stored encrypted (ADR 0005), and one converter per column because the
 * column is the associated data of its values: the delivery address's names, lines, city, zip and phone. Province
 * and country codes stay clear (shipping and tax need them), as do ids, figures and statuses. No query reads these
 * columns by value. Each converter is a CDI bean with the cipher injected; service-edge's
 * {@code PersonalDataReencryption} re-encrypts the columns of every such bean. The consumers' set-based writes
 * encrypt with the same columns ({@code ContractWrites}).
 */
public final class EncryptedColumns {

    public static final String TABLE = "subscription_contract";

    public static final EncryptedColumn DELIVERY_FIRST_NAME = new EncryptedColumn(TABLE, "delivery_first_name");
    public static final EncryptedColumn DELIVERY_LAST_NAME = new EncryptedColumn(TABLE, "delivery_last_name");
    public static final EncryptedColumn DELIVERY_ADDRESS1 = new EncryptedColumn(TABLE, "delivery_address1");
    public static final EncryptedColumn DELIVERY_ADDRESS2 = new EncryptedColumn(TABLE, "delivery_address2");
    public static final EncryptedColumn DELIVERY_CITY = new EncryptedColumn(TABLE, "delivery_city");
    public static final EncryptedColumn DELIVERY_ZIP = new EncryptedColumn(TABLE, "delivery_zip");
    public static final EncryptedColumn DELIVERY_PHONE = new EncryptedColumn(TABLE, "delivery_phone");

    private EncryptedColumns() {
    }

    @Singleton
    public static class DeliveryFirstName extends PersonalDataConverter {
        DeliveryFirstName(PersonalDataCipher cipher) {
            super(cipher, DELIVERY_FIRST_NAME);
        }
    }

    @Singleton
    public static class DeliveryLastName extends PersonalDataConverter {
        DeliveryLastName(PersonalDataCipher cipher) {
            super(cipher, DELIVERY_LAST_NAME);
        }
    }

    @Singleton
    public static class DeliveryAddress1 extends PersonalDataConverter {
        DeliveryAddress1(PersonalDataCipher cipher) {
            super(cipher, DELIVERY_ADDRESS1);
        }
    }

    @Singleton
    public static class DeliveryAddress2 extends PersonalDataConverter {
        DeliveryAddress2(PersonalDataCipher cipher) {
            super(cipher, DELIVERY_ADDRESS2);
        }
    }

    @Singleton
    public static class DeliveryCity extends PersonalDataConverter {
        DeliveryCity(PersonalDataCipher cipher) {
            super(cipher, DELIVERY_CITY);
        }
    }

    @Singleton
    public static class DeliveryZip extends PersonalDataConverter {
        DeliveryZip(PersonalDataCipher cipher) {
            super(cipher, DELIVERY_ZIP);
        }
    }

    @Singleton
    public static class DeliveryPhone extends PersonalDataConverter {
        DeliveryPhone(PersonalDataCipher cipher) {
            super(cipher, DELIVERY_PHONE);
        }
    }
}
