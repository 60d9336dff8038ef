package com.lavish.sync.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.lavish.events.sync.SyncResult.UserError;
import java.util.ArrayList;
import java.util.List;

/**
 * One Admin API answer that ran: its {@code data} (as Jackson nodes, so ids and numbers stay exact) and its cost.
 * Top-level errors never reach here: a THROTTLED answer is waited out and sent again, anything else is an
 * {@link AdminApiException}.
 */
public record AdminAnswer(AdminOperation operation, JsonNode data, QueryCost cost) {

    /** The node at a path of field names under {@code data}, or a missing node. */
    public JsonNode at(String... path) {
        JsonNode node = data == null ? MissingNode.getInstance() : data;
        for (String field : path) {
            node = node.path(field);
        }
        return node;
    }

    /** The {@code userErrors} of a mutation's payload ({@code data.<mutation>.userErrors}). */
    public List<UserError> userErrors(String mutation) {
        List<UserError> errors = new ArrayList<>();
        for (JsonNode error : at(mutation, "userErrors")) {
            List<String> field = new ArrayList<>();
            for (JsonNode part : error.path("field")) {
                field.add(part.asText());
            }
            errors.add(new UserError(
                    field.isEmpty() ? null : field,
                    error.path("message").asText(""),
                    error.hasNonNull("code") ? error.get("code").asText() : null));
        }
        return errors;
    }
}
