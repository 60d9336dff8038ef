package com.lavish.sync.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lavish.shopifyfake.admin.AdminSchema;
import com.lavish.sync.service.ReconcileSelection;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every document sync-service can send, from the one list of them ({@link AdminOperation}) and the bulk queries made
 * of the same selections, is valid against Shopify's published Admin schema (2026-07, shopify-fake's AdminSchema).
 */
class AdminDocumentsTest {

    @ParameterizedTest
    @EnumSource(AdminOperation.class)
    void everyDocumentIsValidAgainstShopifysSchema(AdminOperation operation) {
        assertEquals(List.of(), AdminSchema.load().validate(operation.document(), null), operation.documentName());
    }

    @ParameterizedTest
    @EnumSource(ReconcileSelection.class)
    void everyBulkQueryIsValidAgainstShopifysSchema(ReconcileSelection selection) {
        assertEquals(
                List.of(),
                AdminSchema.load().validate(selection.bulkQuery("updated_at:>='2026-01-01T00:00:00Z'"), null),
                selection.name());
    }
}
