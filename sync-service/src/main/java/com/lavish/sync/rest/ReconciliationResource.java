package com.lavish.sync.rest;

import com.lavish.consumer.admin.AdminRole;
import com.lavish.edge.validation.EnumName;
import com.lavish.edge.validation.ServedShop;
import com.lavish.events.sync.ReconcileType;
import com.lavish.sync.config.ShopifyAdminConfig;
import com.lavish.sync.service.ReconciliationService;
import io.quarkus.vertx.http.runtime.security.annotation.BasicAuthentication;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code POST /admin/reconciliation/runs}: runs a reconciliation pass now and answers what it published per shop
 * and resource. Admin credential only (ADR 0006).
 */
@Path("/admin/reconciliation/runs")
@BasicAuthentication
@RolesAllowed(AdminRole.NAME)
@Tag(name = "Admin")
public class ReconciliationResource {

    private final ReconciliationService reconciliation;
    private final ShopifyAdminConfig shopify;

    public ReconciliationResource(ReconciliationService reconciliation, ShopifyAdminConfig shopify) {
        this.reconciliation = reconciliation;
        this.shopify = shopify;
    }

    /** The pass's answer: one entry per shop and resource. */
    public record Run(List<ReconciliationService.Pass> passes) {}

    /**
     * @param shop     one shop of SHOPIFY_SHOPS (default: every one)
     * @param resource customers, orders, products or subscription_contracts, repeatable (default: all)
     */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Reconcile now",
            description = "Reads what Shopify changed since each cursor and publishes "
                    + "it into the shopify.* topics; a shop's first load runs as a bulk operation.")
    public Uni<Run> run(
            @RestQuery @ServedShop(message = "shop must be one of the served shops: {shops}") String shop,
            @RestQuery
                    List<
                                    @EnumName(
                                            value = ReconcileType.class,
                                            message =
                                                    "resource is customers, orders, products or subscription_contracts")
                                    String>
                            resource) {
        Set<String> shops = shop == null ? shopify.shops() : Set.of(shop);
        Set<ReconcileType> types = EnumSet.noneOf(ReconcileType.class);
        for (String name : resource == null ? List.<String>of() : resource) {
            types.add(ReconcileType.valueOf(name.toUpperCase(Locale.ROOT)));
        }
        return reconciliation
                .run(shops, types.isEmpty() ? EnumSet.allOf(ReconcileType.class) : types)
                .map(Run::new);
    }
}
