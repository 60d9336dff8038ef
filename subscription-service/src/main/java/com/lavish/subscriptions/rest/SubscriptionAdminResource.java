package com.lavish.subscriptions.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.lavish.consumer.admin.AdminRole;
import com.lavish.edge.problem.Problem;
import com.lavish.edge.problem.ProblemException;
import com.lavish.events.WebhookFields;
import com.lavish.subscriptions.service.BillingRun;
import com.lavish.subscriptions.service.SubscriptionFigures;
import com.lavish.subscriptions.service.UpcomingBillingRun;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.vertx.http.runtime.security.annotation.BasicAuthentication;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The admin's view of the subscription business (admin credential, ADR 0006): the figures behind the dashboard's
 * gauges for one shop, and a billing run or an upcoming-billing run on demand (the same runs the schedules start; safe
 * beside them).
 */
@Path("/admin/subscriptions")
@BasicAuthentication
@RolesAllowed(AdminRole.NAME)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subscriptions (admin)")
public class SubscriptionAdminResource {

    /** A run brought forward reaches at most one long cycle ahead: never a whole year's boxes by a typo. */
    static final int MAX_BRING_FORWARD_DAYS = 62;

    private final SubscriptionFigures figures;
    private final BillingRun billing;
    private final UpcomingBillingRun upcoming;

    public SubscriptionAdminResource(SubscriptionFigures figures, BillingRun billing, UpcomingBillingRun upcoming) {
        this.figures = figures;
        this.billing = billing;
        this.upcoming = upcoming;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record BillingRunResult(int contracts) {}

    @GET
    @Path("/metrics")
    @WithSession
    @Operation(
            operationId = "subscriptionFigures",
            summary = "Active and paused subscriptions, churn over 30 days, " + "revenue per month",
            description = "Of one shop (?shop=), or of every shop served.")
    public Uni<SubscriptionFigures.Figures> metrics(@RestQuery String shop) {
        return figures.of(shop, Instant.now());
    }

    @POST
    @Path("/billing/run")
    @Operation(
            operationId = "runBilling",
            summary = "Bill the contracts due now, or due by as_of",
            description = "What the schedule (billing.every) does; a contract is billed once per cycle however many "
                    + "runs overlap. as_of (RFC 3339, at most " + MAX_BRING_FORWARD_DAYS + " days ahead) brings "
                    + "a run forward: the cycles due by then are billed now, as a merchant does before a holiday.")
    public Uni<BillingRunResult> runBilling(@RestQuery("as_of") String asOf) {
        return billing.billDue(billedBy(asOf)).map(BillingRunResult::new);
    }

    @POST
    @Path("/upcoming-billing/run")
    @Operation(
            operationId = "runUpcomingBilling",
            summary = "Remind of the contracts billing soon, as of now or as_of",
            description = "What the schedule (upcoming-billing.every) does: UPCOMING_BILLING on subscription.events "
                    + "for each active contract whose next billing is within its shop's upcoming-billing days, once "
                    + "per contract and billing date however many runs overlap. as_of (RFC 3339, at most "
                    + MAX_BRING_FORWARD_DAYS + " days ahead) runs it as of a later moment.")
    public Uni<BillingRunResult> runUpcomingBilling(@RestQuery("as_of") String asOf) {
        return upcoming.remind(billedBy(asOf)).map(BillingRunResult::new);
    }

    private static Instant billedBy(String asOf) {
        Instant now = Instant.now();
        if (asOf == null || asOf.isBlank()) {
            return now;
        }
        Instant at = WebhookFields.parseTimestamp(asOf);
        if (at == null) {
            throw new ProblemException(Problem.of(400, "Bad Request", "as_of is not an RFC 3339 timestamp"));
        }
        if (at.isAfter(now.plus(Duration.ofDays(MAX_BRING_FORWARD_DAYS)))) {
            throw new ProblemException(Problem.of(
                    400,
                    "Bad Request",
                    "as_of may bring a run forward by at most " + MAX_BRING_FORWARD_DAYS + " days"));
        }
        return at.isBefore(now) ? now : at;
    }
}
