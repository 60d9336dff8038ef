package com.lavish.notifications;

import com.lavish.edge.personaldata.EncryptedColumn;
import com.lavish.edge.personaldata.EncryptedTable;
import com.lavish.edge.personaldata.PersonalDataCipher;
import com.lavish.edge.personaldata.RowKey;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.persistence.PostLoad;
import java.util.List;

/**
 * The columns of the notification schema stored encrypted (ADR 0005), each bound to its row: a recipient's address
 * and first name to its shop and customer id, a message's copy of them to the message's event id, so a value copied
 * into another row does not decrypt. No query reads them by value. The event path encrypts as it writes
 * ({@code RecipientWrites}, {@code MessageWrites}); {@link Message} is decrypted when loaded.
 */
public final class EncryptedColumns {

    public static final EncryptedTable RECIPIENT =
            EncryptedTable.of("recipient", List.of("shop_domain", "customer_id"), "email", "first_name");
    public static final EncryptedTable MESSAGE =
            EncryptedTable.of("message", List.of("event_id"), "recipient", "first_name");

    public static final EncryptedColumn RECIPIENT_EMAIL = RECIPIENT.column("email");
    public static final EncryptedColumn RECIPIENT_FIRST_NAME = RECIPIENT.column("first_name");
    public static final EncryptedColumn MESSAGE_RECIPIENT = MESSAGE.column("recipient");
    public static final EncryptedColumn MESSAGE_FIRST_NAME = MESSAGE.column("first_name");

    private EncryptedColumns() {}

    public static RowKey recipientKey(String shop, long customerId) {
        return RECIPIENT.key(shop, customerId);
    }

    public static RowKey messageKey(String eventId) {
        return MESSAGE.key(eventId);
    }

    /** The tables for service-edge's re-encryption job. */
    @Singleton
    static class Tables {

        @Produces
        @Singleton
        EncryptedTable recipient() {
            return RECIPIENT;
        }

        @Produces
        @Singleton
        EncryptedTable message() {
            return MESSAGE;
        }
    }

    /** Decrypts a loaded {@link Message} with its event id. A CDI bean, as Quarkus' Hibernate ORM obtains listeners. */
    @Singleton
    public static class MessagePersonalData {

        private final PersonalDataCipher cipher;

        MessagePersonalData(PersonalDataCipher cipher) {
            this.cipher = cipher;
        }

        @PostLoad
        void decrypt(Message m) {
            RowKey row = messageKey(m.eventId);
            m.recipient = cipher.decrypt(m.storedRecipient, MESSAGE_RECIPIENT, row);
            m.firstName = cipher.decrypt(m.storedFirstName, MESSAGE_FIRST_NAME, row);
        }
    }
}
