package com.lavish.consumer.privacy;

import com.lavish.consumer.ColumnArrays;
import com.lavish.consumer.Delivery;
import com.lavish.consumer.EventPipelineConfig;
import com.lavish.consumer.EventProjection;
import com.lavish.consumer.ProjectionBatch;
import com.lavish.events.ShopifyEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Shopify's mandatory privacy requests from shopify.compliance, carried out on event-consumer's pipeline like any
 * other poll: in one transaction the requests are recorded in the service's privacy_request, the customers/redact
 * ones erased by the service's {@link PrivacyErasure}, and the shops of shop/redact deleted from its tables; the
 * pipeline's ledger makes a second delivery of a ce_id change nothing. customers/data_request is recorded with no
 * completed_at: the shop owner fetches the export from the service's admin path ({@link DataRequests}), which
 * completes it. app/uninstalled is recorded only: the shop's data goes with shop/redact, 48 hours later.
 */
@ApplicationScoped
public class PrivacyRequests {

    private final String schema;

    public PrivacyRequests(EventPipelineConfig pipeline) {
        this.schema = pipeline.schema();
    }

    /**
     * The projection a service's compliance consumer hands to the pipeline.
     *
     * @param metric the counter of outcomes, tagged type and outcome
     */
    public EventProjection<PrivacyRequest> projection(String metric, PrivacyErasure erasure) {
        return new Projection(metric, erasure);
    }

    private final class Projection implements EventProjection<PrivacyRequest> {

        private final String metric;
        private final PrivacyErasure erasure;

        Projection(String metric, PrivacyErasure erasure) {
            this.metric = metric;
            this.erasure = erasure;
        }

        @Override
        public String metric() {
            return metric;
        }

        @Override
        public Optional<PrivacyRequest> read(ShopifyEvent event) {
            return PrivacyRequest.read(event).filter(request -> erasure.concerns(request.type()));
        }

        @Override
        public Uni<Void> write(ProjectionBatch<PrivacyRequest> batch) {
            SqlConnection connection = batch.connection();
            ColumnArrays recorded = new ColumnArrays();
            List<PrivacyRequest> redactions = new ArrayList<>();
            List<String> redactedShops = new ArrayList<>();
            for (Delivery<PrivacyRequest> delivery : batch.deliveries()) {
                PrivacyRequest request = delivery.change();
                recorded.row()
                        .text(request.ceId())
                        .text(request.shopDomain())
                        .text(request.type())
                        .bigint(request.customerId())
                        .timestamptz(request.receivedAt());
                switch (request.type()) {
                    case PrivacyRequest.CUSTOMERS_REDACT -> redactions.add(request);
                    case PrivacyRequest.SHOP_REDACT -> redactedShops.add(request.shopDomain());
                    default -> {}
                }
            }
            List<Uni<Void>> statements = new ArrayList<>();
            statements.add(connection
                    .preparedQuery("insert into " + schema + ".privacy_request "
                            + "(ce_id, shop_domain, type, shopify_customer_id, received_at, completed_at) "
                            + "select c, s, t, customer, received, case when t <> '"
                            + PrivacyRequest.CUSTOMERS_DATA_REQUEST + "' then now() end "
                            + "from unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::timestamptz[]) "
                            + "as r(c, s, t, customer, received) on conflict (ce_id) do nothing")
                    .execute(recorded.tuple())
                    .replaceWithVoid());
            if (!redactions.isEmpty()) {
                statements.add(erasure.redactCustomers(connection, redactions));
                batch.afterCommit().then(() -> erasure.afterRedaction(redactions));
            }
            if (!redactedShops.isEmpty()) {
                for (String table : erasure.shopTables()) {
                    // table names come from the service's code, never from input
                    statements.add(connection
                            .preparedQuery(
                                    "delete from " + schema + "." + table + " where shop_domain = any($1::text[])")
                            .execute(Tuple.tuple().addArrayOfString(redactedShops.toArray(new String[0])))
                            .replaceWithVoid());
                }
            }
            return Uni.join().all(statements).andFailFast().replaceWithVoid();
        }
    }
}
