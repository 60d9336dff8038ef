package com.lavish.subscriptions.rest;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.lavish.consumer.admin.AdminRole;
import com.lavish.subscriptions.service.BillingRun;
import com.lavish.subscriptions.service.SubscriptionFigures;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.vertx.http.runtime.security.annotation.BasicAuthentication;
import io.smallrye.mutiny.Uni;

/**
 * The admin's view of the subscription business (admin credential, ADR 0006): the figures behind the dashboard's
 * gauges for one shop, and a billing run on demand (the same run the schedule starts; safe beside it).
 */
@Path("/admin/subscriptions")
@BasicAuthentication
@RolesAllowed(AdminRole.NAME)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subscriptions (admin)")
public class SubscriptionAdminResource {

    private final SubscriptionFigures figures;
    private final BillingRun billing;

    public SubscriptionAdminResource(SubscriptionFigures figures, BillingRun billing) {
        this.figures = figures;
        this.billing = billing;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record BillingRunResult(int contracts) {
    }

    @GET
    @Path("/metrics")
    @WithSession
    @Operation(operationId = "subscriptionFigures", summary = "Active and paused subscriptions, churn over 30 days, "
            + "revenue per month", description = "Of one shop (?shop=), or of every shop served.")
    public Uni<SubscriptionFigures.Figures> metrics(@RestQuery String shop) {
        return figures.of(shop, Instant.now());
    }

    @POST
    @Path("/billing/run")
    @Operation(operationId = "runBilling", summary = "Bill the contracts due now",
            description = "What the schedule (billing.every) does; a contract is billed once per cycle however many "
                    + "runs overlap.")
    public Uni<BillingRunResult> runBilling() {
        return billing.billDue(Instant.now()).map(BillingRunResult::new);
    }
}
