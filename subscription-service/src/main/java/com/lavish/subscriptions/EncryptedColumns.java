package com.lavish.subscriptions;

import jakarta.inject.Singleton;

import com.lavish.edge.personaldata.PersonalDataCipher;
import com.lavish.edge.personaldata.PersonalDataConverter;

/**
 * The converters of {@code subscription_contract}'s columns stored encrypted (ADR 0005), one per column because the
 * column is the associated data of its values: the delivery address's names, lines, city, zip and phone. Province
 * and country codes stay clear (shipping and tax need them), as do ids, figures and statuses. No query reads these
 * columns by value. Each converter is a CDI bean with the cipher injected; service-edge's
 * {@code PersonalDataReencryption} re-encrypts the columns of every such bean.
 */
public final class EncryptedColumns {

    public static final String TABLE = "subscription_contract";

    private EncryptedColumns() {
    }

    @Singleton
    public static class DeliveryFirstName extends PersonalDataConverter {
        DeliveryFirstName(PersonalDataCipher cipher) {
            super(cipher, TABLE, "delivery_first_name");
        }
    }

    @Singleton
    public static class DeliveryLastName extends PersonalDataConverter {
        DeliveryLastName(PersonalDataCipher cipher) {
            super(cipher, TABLE, "delivery_last_name");
        }
    }

    @Singleton
    public static class DeliveryAddress1 extends PersonalDataConverter {
        DeliveryAddress1(PersonalDataCipher cipher) {
            super(cipher, TABLE, "delivery_address1");
        }
    }

    @Singleton
    public static class DeliveryAddress2 extends PersonalDataConverter {
        DeliveryAddress2(PersonalDataCipher cipher) {
            super(cipher, TABLE, "delivery_address2");
        }
    }

    @Singleton
    public static class DeliveryCity extends PersonalDataConverter {
        DeliveryCity(PersonalDataCipher cipher) {
            super(cipher, TABLE, "delivery_city");
        }
    }

    @Singleton
    public static class DeliveryZip extends PersonalDataConverter {
        DeliveryZip(PersonalDataCipher cipher) {
            super(cipher, TABLE, "delivery_zip");
        }
    }

    @Singleton
    public static class DeliveryPhone extends PersonalDataConverter {
        DeliveryPhone(PersonalDataCipher cipher) {
            super(cipher, TABLE, "delivery_phone");
        }
    }
}
