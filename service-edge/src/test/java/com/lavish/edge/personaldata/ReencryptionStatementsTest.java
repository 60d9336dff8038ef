package com.lavish.edge.personaldata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ReencryptionStatementsTest {

    @Test
    void selectsStaleRowsOfEveryColumnInBatchesThatReplicasDoNotShare() {
        ReencryptionStatements statements = new ReencryptionStatements("customer",
                List.of(new EncryptedColumn("customer", "email"), new EncryptedColumn("customer", "phone")));

        String select = statements.selectStale();
        assertTrue(select.startsWith("select id, email, phone from {h-schema}customer"), select);
        assertTrue(select.contains("(email is not null and case"), select);
        assertTrue(select.contains("or (phone is not null and case"), select);
        assertTrue(select.endsWith("order by id limit :batchSize for update skip locked"), select);
        assertEquals("update {h-schema}customer set email = :email, phone = :phone where id = :id", statements.update());
    }

    @Test
    void refusesColumnsOfAnotherTableAndNamesThatAreNotPlainIdentifiers() {
        assertThrows(IllegalArgumentException.class, () -> new ReencryptionStatements("customer",
                List.of(new EncryptedColumn("customer_address", "city"))));
        assertThrows(IllegalArgumentException.class, () -> new EncryptedColumn("customer", "email; drop table x"));
    }
}
