package com.lavish.edge.personaldata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReencryptionStatementsTest {

    @Test
    void selectsStaleRowsOfEveryColumnInBatchesThatReplicasDoNotShare() {
        ReencryptionStatements statements = new ReencryptionStatements(
                "customer",
                List.of(new EncryptedColumn("customer", "email"), new EncryptedColumn("customer", "phone")));

        String select = statements.selectStale();
        assertTrue(select.startsWith("select id, email, phone from {h-schema}customer"), select);
        assertTrue(select.contains("where id > :after and ((email is not null and case"), select);
        assertTrue(select.contains("or (phone is not null and case"), select);
        assertTrue(select.endsWith("order by id limit :batchSize for update skip locked"), select);
        assertEquals(
                "update {h-schema}customer set email = :email, phone = :phone where id = :id", statements.update());
        assertEquals(PersonalDataCipher.PREFIX, statements.prefix());
    }

    @Test
    void rowBoundTableSelectsItsKeyColumnsBetweenTheIdAndTheValues() {
        EncryptedTable customer = EncryptedTable.of("customer", List.of("shop_domain", "shopify_id"), "email", "phone");
        ReencryptionStatements statements = ReencryptionStatements.of(customer);

        assertTrue(
                statements
                        .selectStale()
                        .startsWith("select id, shop_domain, shopify_id, email, phone from " + "{h-schema}customer"),
                statements.selectStale());
        assertEquals(PersonalDataCipher.ROW_BOUND_PREFIX, statements.prefix());
        Object[] row = {12L, "shop.myshopify.com", 1001L, "enc2:x", null};
        assertEquals(customer.key("shop.myshopify.com", 1001L), statements.key(row));
        assertEquals("enc2:x", statements.value(row, 0));
        assertEquals(null, statements.value(row, 1));
    }

    @Test
    void refusesColumnsOfAnotherTableAndNamesThatAreNotPlainIdentifiers() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new ReencryptionStatements("customer", List.of(new EncryptedColumn("customer_address", "city"))));
        assertThrows(IllegalArgumentException.class, () -> new EncryptedColumn("customer", "email; drop table x"));
        assertThrows(IllegalArgumentException.class, () -> EncryptedTable.of("customer", List.of("id; --"), "email"));
        assertThrows(IllegalArgumentException.class, () -> EncryptedTable.of("customer", List.of("email"), "email"));
    }
}
