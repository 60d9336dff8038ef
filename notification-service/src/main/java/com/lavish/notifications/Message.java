package com.lavish.notifications;

import com.lavish.edge.personaldata.PersonalDataCipher;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One email owed for a subscription event, or one resend of such an email, and what became of it. Keyed for the
 * event path by {@code eventId}; the recipient's address and first name are stored encrypted, bound to it
 * ({@link EncryptedColumns}), and filled in plaintext when the message is loaded. The event path and the sender write
 * with SQL ({@code MessageWrites}, {@code OutgoingMessages}); the admin's resend persists a new one through Hibernate.
 */
@Entity
@Table(name = "message")
@EntityListeners(EncryptedColumns.MessagePersonalData.class)
public class Message {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String eventId;
    public Long resendOf;
    public String shopDomain;
    public long customerId;
    public long contractId;
    public String kind;
    public String locale;

    @Transient
    public String recipient;

    @Transient
    public String firstName;

    public String subject;

    @JdbcTypeCode(SqlTypes.JSON)
    public String payload;

    public String state;
    public int attempts;
    public Instant nextAttemptAt;
    public String smtpMessageId;
    public String providerAnswer;
    public Instant occurredAt;
    public Instant createdAt;
    public Instant sentAt;

    // the columns as stored: ciphertext, written only as such
    @Column(name = "recipient")
    String storedRecipient;

    @Column(name = "first_name")
    String storedFirstName;

    /** Sets the stored columns from the plaintext ones, bound to this message's event id. */
    public void encryptWith(PersonalDataCipher cipher) {
        storedRecipient =
                cipher.encrypt(recipient, EncryptedColumns.MESSAGE_RECIPIENT, EncryptedColumns.messageKey(eventId));
        storedFirstName =
                cipher.encrypt(firstName, EncryptedColumns.MESSAGE_FIRST_NAME, EncryptedColumns.messageKey(eventId));
    }

    @Override
    public String toString() {
        // no address, no name
        return "Message[" + id + " " + kind + " " + state + "]";
    }
}
