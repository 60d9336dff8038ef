package com.lavish.orders.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A page of the signed-in customer's orders, newest first. */
public record OrderPage(
        List<OrderSummary> orders,
        @Schema(description = "Opaque cursor of the next page (pass it as ?cursor=); absent on the last page")
        @JsonInclude(JsonInclude.Include.NON_NULL) String next) {
}
