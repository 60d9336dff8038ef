package com.lavish.orders.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of the signed-in customer's orders, newest first. */
public record OrderPage(
        List<OrderSummary> orders,

        @Schema(description = "Opaque cursor of the next page (pass it as ?cursor=); absent on the last page")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String next) {}
