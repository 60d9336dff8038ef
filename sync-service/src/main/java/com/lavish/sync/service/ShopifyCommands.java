package com.lavish.sync.service;

import com.lavish.events.sync.SyncCommand;
import com.lavish.sync.client.AdminApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * One command to Shopify: the Admin API calls of its type. Shopify's own failures are an outcome, never a failure:
 * what sending again would not cure is REJECTED, anything else (retries spent, circuit open) FAILED.
 */
@ApplicationScoped
public class ShopifyCommands {

    private static final Logger LOG = Logger.getLogger(ShopifyCommands.class);

    private final SellingPlanGroupCommands groups;
    private final ContractCommands contracts;
    private final PaymentMethodCommands paymentMethods;

    public ShopifyCommands(
            SellingPlanGroupCommands groups, ContractCommands contracts, PaymentMethodCommands paymentMethods) {
        this.groups = groups;
        this.contracts = contracts;
        this.paymentMethods = paymentMethods;
    }

    /**
     * @param sentBefore  whether an earlier attempt handed this key to Shopify (a creation is then looked up first)
     * @param firstSentAt when the key was first handed to Shopify
     */
    public Uni<ShopifyOutcome> send(SyncCommand command, boolean sentBefore, Instant firstSentAt) {
        return Uni.createFrom()
                .deferred(() -> execute(command, sentBefore, firstSentAt))
                .onFailure()
                .recoverWithItem(failure -> failureOutcome(command, failure));
    }

    private Uni<ShopifyOutcome> execute(SyncCommand command, boolean sentBefore, Instant firstSentAt) {
        return switch (command.type()) {
            case SELLING_PLAN_GROUP_CREATE -> groups.create(command, sentBefore, firstSentAt);
            case SELLING_PLAN_GROUP_UPDATE -> groups.update(command);
            case SELLING_PLAN_GROUP_DELETE -> groups.delete(command);
            case SELLING_PLAN_GROUP_ADD_PRODUCTS -> groups.products(command, true);
            case SELLING_PLAN_GROUP_REMOVE_PRODUCTS -> groups.products(command, false);
            case PRODUCT_JOIN_SELLING_PLAN_GROUPS -> groups.productGroups(command, true);
            case PRODUCT_LEAVE_SELLING_PLAN_GROUPS -> groups.productGroups(command, false);
            case CONTRACT_PAUSE, CONTRACT_ACTIVATE, CONTRACT_CANCEL -> contracts.status(command);
            case BILLING_CYCLE_SKIP, BILLING_CYCLE_UNSKIP -> contracts.billingCycle(command);
            case CONTRACT_UPDATE -> contracts.update(command);
            case BILLING_ATTEMPT_CREATE -> contracts.billingAttempt(command);
            case CONTRACT_FETCH -> contracts.fetch(command);
            case PAYMENT_METHOD_UPDATE_EMAIL -> paymentMethods.sendUpdateEmail(command);
        };
    }

    private static ShopifyOutcome failureOutcome(SyncCommand command, Throwable failure) {
        LOG.warnf("%s: Shopify did not apply it: %s", command, failure.getMessage());
        return failure instanceof AdminApiException
                ? ShopifyOutcome.rejected(failure.getMessage())
                : ShopifyOutcome.failed("Shopify could not be reached: " + failure.getMessage());
    }
}
