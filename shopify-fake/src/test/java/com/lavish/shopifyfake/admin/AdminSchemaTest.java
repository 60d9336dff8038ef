package com.lavish.shopifyfake.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdminSchemaTest {

    private static final String CREATE = """
            mutation Create($input: SellingPlanGroupInput!, $resources: SellingPlanGroupResourceInput) {
              sellingPlanGroupCreate(input: $input, resources: $resources) {
                sellingPlanGroup { id merchantCode }
                userErrors { field message code }
              }
            }""";

    @Test
    void documentShopifyWouldAcceptHasNoErrors() {
        List<String> errors = AdminSchema.load()
                .validate(
                        CREATE,
                        Map.of(
                                "input",
                                Map.of(
                                        "name",
                                        "Monthly",
                                        "merchantCode",
                                        "lavish-1",
                                        "sellingPlansToCreate",
                                        List.of(Map.of(
                                                "name",
                                                "Every month",
                                                "billingPolicy",
                                                Map.of("recurring", Map.of("interval", "MONTH", "intervalCount", 1)),
                                                "deliveryPolicy",
                                                Map.of(
                                                        "recurring",
                                                        Map.of("interval", "MONTH", "intervalCount", 1)))))));

        assertEquals(List.of(), errors);
    }

    @Test
    void unknownFieldAndMissingArgumentAreErrors() {
        List<String> unknownField =
                AdminSchema.load().validate("{ sellingPlanGroups(first: 1) { nodes { id merchantKode } } }", null);
        List<String> missingArgument =
                AdminSchema.load().validate("mutation { sellingPlanGroupDelete { deletedSellingPlanGroupId } }", null);

        assertEquals(1, unknownField.size());
        assertTrue(unknownField.get(0).contains("merchantKode"), unknownField.toString());
        assertFalse(missingArgument.isEmpty());
    }

    @Test
    void variablesAreCheckedAgainstTheirDeclaredTypes() {
        List<String> wrongEnum = AdminSchema.load()
                .validate(
                        CREATE,
                        Map.of(
                                "input",
                                Map.of(
                                        "name",
                                        "Monthly",
                                        "sellingPlansToCreate",
                                        List.of(Map.of(
                                                "name",
                                                "Every month",
                                                "billingPolicy",
                                                Map.of(
                                                        "recurring",
                                                        Map.of("interval", "FORTNIGHT", "intervalCount", 1)))))));
        List<String> missingRequired = AdminSchema.load().validate(CREATE, Map.of());
        List<String> unknownInputField =
                AdminSchema.load().validate(CREATE, Map.of("input", Map.of("name", "Monthly", "merchantKode", "x")));

        assertEquals(1, wrongEnum.size(), wrongEnum.toString());
        assertTrue(wrongEnum.get(0).contains("FORTNIGHT"), wrongEnum.toString());
        assertEquals(1, missingRequired.size(), missingRequired.toString());
        assertEquals(1, unknownInputField.size(), unknownInputField.toString());
    }

    @Test
    void syntaxErrorIsAnError() {
        assertEquals(1, AdminSchema.load().validate("{ shop { name }", null).size());
    }

    @Test
    void billingAttemptNeedsItsIdempotencyKey() {
        List<String> errors = AdminSchema.load().validate("""
                mutation { subscriptionBillingAttemptCreate(subscriptionContractId: "gid://shopify/SubscriptionContract/1",
                  subscriptionBillingAttemptInput: {}) { subscriptionBillingAttempt { id } userErrors { code } } }""", null);

        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("idempotencyKey"), errors.toString());
    }
}
