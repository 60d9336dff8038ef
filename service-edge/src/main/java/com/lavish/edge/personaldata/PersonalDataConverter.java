package com.lavish.edge.personaldata;

import jakarta.persistence.AttributeConverter;

/**
 * Stores a String attribute encrypted ({@link PersonalDataCipher}), bound to its column only
 * ({@value PersonalDataCipher#PREFIX}): a converter sees the value and not its row, so it cannot bind the value to the
 * row. A table whose values are bound to their row ({@link EncryptedTable}) decrypts in its entity's {@code @PostLoad}
 * instead, where the row's key is known. One subclass per column, because the column is the associated data and a
 * converter is not told which attribute it converts:
 *
 * <pre>{@code
 * @Singleton
 * public static class Email extends PersonalDataConverter {
 *     Email(PersonalDataCipher cipher) {
 *         super(cipher, "customer_order", "email");
 *     }
 * }
 * }</pre>
 *
 * and {@code @Convert(converter = Email.class)} on the attribute. Quarkus' Hibernate ORM (and so Hibernate Reactive)
 * obtains converters from CDI, so the subclass is a bean and gets the cipher injected through its one constructor
 * (ArC needs no {@code @Inject} there). The cipher is {@code @ApplicationScoped}: the converter holds its client
 * proxy, and the keyset is read at the first use. {@link PersonalDataReencryption} re-encrypts the columns of every
 * such bean.
 */
public abstract class PersonalDataConverter implements AttributeConverter<String, String> {

    private final PersonalDataCipher cipher;
    private final EncryptedColumn column;

    protected PersonalDataConverter(PersonalDataCipher cipher, EncryptedColumn column) {
        this.cipher = cipher;
        this.column = column;
    }

    protected PersonalDataConverter(PersonalDataCipher cipher, String table, String column) {
        this(cipher, new EncryptedColumn(table, column));
    }

    public EncryptedColumn column() {
        return column;
    }

    @Override
    public String convertToDatabaseColumn(String attribute) {
        return cipher.encrypt(attribute, column);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return cipher.decrypt(stored, column);
    }
}
