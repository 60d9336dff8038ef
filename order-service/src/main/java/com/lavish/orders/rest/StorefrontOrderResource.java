package com.lavish.orders.rest;

import com.lavish.edge.caching.CacheDirectives;
import com.lavish.edge.identity.StorefrontCustomer;
import com.lavish.edge.identity.StorefrontIdentity;
import com.lavish.edge.problem.Problem;
import com.lavish.edge.problem.QueryNumbers;
import com.lavish.orders.config.OrderStatusStreamConfig;
import com.lavish.orders.repository.OrderSummaryRow;
import com.lavish.orders.service.OrderStatusEvent;
import com.lavish.orders.service.OrderStatusFeed;
import com.lavish.orders.service.StorefrontOrders;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The signed-in customer's orders, through Shopify's app proxy ({@code /proxy/orders}) and direct
 * ({@code /api/orders}, session token) with the same handlers. Whose orders comes only from the verified
 * signature or token ({@link StorefrontIdentity}); an order number names an order only among the customer's own.
 * Every path needs a signed-in customer ({@code @Authenticated}); every answer but the stream is
 * {@code Cache-Control: private, no-store}: it is personal data.
 */
@Path("/{entry: proxy|api}/orders")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Orders", description = "The signed-in storefront customer's orders")
public class StorefrontOrderResource {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 50;
    private static final String NO_STORE = "private, no-store";

    /** How long a browser waits before reconnecting a dropped stream (sent once, as the SSE retry field). */
    private static final long RECONNECT_DELAY_MILLIS = 3000;

    private final StorefrontIdentity identity;
    private final StorefrontOrders orders;
    private final OrderStatusFeed statusFeed;
    private final OrderStatusStreamConfig streamConfig;

    public StorefrontOrderResource(
            StorefrontIdentity identity,
            StorefrontOrders orders,
            OrderStatusFeed statusFeed,
            OrderStatusStreamConfig streamConfig) {
        this.identity = identity;
        this.orders = orders;
        this.statusFeed = statusFeed;
        this.streamConfig = streamConfig;
    }

    @GET
    @Operation(
            operationId = "listOrders",
            summary = "The signed-in customer's orders, newest first",
            description = "Newest first by processed time (created time when there is none), then by id. Pages of "
                    + "`limit` orders; while more remain, the answer carries `next`, to be passed back as `cursor`, "
                    + "and a `Link: <?cursor=...&limit=...>; rel=\"next\"` header relative to the request. /proxy/... "
                    + "needs Shopify's app-proxy signature, /api/... a session token from POST /proxy/session.")
    @APIResponse(
            responseCode = "200",
            description = "A page of orders",
            headers =
                    @Header(
                            name = "Link",
                            description = "The next page, while there is one",
                            schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = OrderPage.class),
                            examples =
                                    @ExampleObject(
                                            name = "page",
                                            summary = "One order, and more to come",
                                            value = LIST_EXAMPLE)))
    @APIResponse(
            responseCode = "400",
            description = "`limit` outside 1..50, or a `cursor` this API did not write",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples =
                                    @ExampleObject(
                                            name = "badLimit",
                                            value = "{\"type\":\"about:blank\",\"title\":"
                                                    + "\"Bad Request\",\"status\":400,\"detail\":\"limit must be between 1 and 50\","
                                                    + "\"field\":\"limit\"}")))
    @CacheDirectives(NO_STORE)
    public Uni<RestResponse<OrderPage>> list(
            @Parameter(
                            name = "entry",
                            in = ParameterIn.PATH,
                            description = "proxy (app proxy) or api (session token)",
                            schema = @Schema(enumeration = {"proxy", "api"}))
                    @PathParam("entry")
                    String entry,
            @Parameter(description = "The `next` of the previous page; none for the newest orders")
                    @QueryParam("cursor")
                    String cursor,
            @Parameter(
                            description = "Orders per page, 1 to 50",
                            schema = @Schema(defaultValue = "20", minimum = "1", maximum = "50"))
                    @QueryParam("limit")
                    @DefaultValue("20")
                    String limit) {
        int size =
                (int) QueryNumbers.required(limit, "limit", 1, MAX_LIMIT, "limit must be between 1 and " + MAX_LIMIT);
        OrderCursor after = cursor == null || cursor.isEmpty() ? null : OrderCursor.decode(cursor);
        StorefrontCustomer who = identity.customer();
        // one more than asked: whether there is a next page, without counting
        return orders.page(
                        who,
                        after == null ? null : after.placedAt(),
                        after == null ? null : after.shopifyId(),
                        size + 1)
                .map(found -> {
                    List<OrderSummaryRow> page = found.size() > size ? found.subList(0, size) : found;
                    String next = found.size() > size
                            ? OrderCursor.after(page.get(size - 1)).encode()
                            : null;
                    RestResponse.ResponseBuilder<OrderPage> answer = RestResponse.ResponseBuilder.ok(
                            new OrderPage(page.stream().map(OrderSummary::of).toList(), next));
                    if (next != null) {
                        answer.header("Link", "<?cursor=" + next + "&limit=" + size + ">; rel=\"next\"");
                    }
                    return answer.build();
                });
    }

    @GET
    @Path("/{number}")
    @Operation(
            operationId = "orderByNumber",
            summary = "One of the signed-in customer's orders",
            description = "Status, lines with their selling plans, totals, shipping address, fulfillments and "
                    + "tracking. A number that is not one of this customer's orders is a 404, whoever else has it.")
    @APIResponse(
            responseCode = "200",
            description = "The order",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = OrderDetail.class),
                            examples =
                                    @ExampleObject(
                                            name = "order",
                                            summary = "A paid subscription order, shipped",
                                            value = DETAIL_EXAMPLE)))
    @APIResponse(
            responseCode = "400",
            description = "The number is not an order number (digits, 1 to 18 of them)",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples =
                                    @ExampleObject(
                                            name = "badNumber",
                                            value = "{\"type\":\"about:blank\",\"title\":"
                                                    + "\"Bad Request\",\"status\":400,\"detail\":\"an order number is digits, such as "
                                                    + "1001\",\"field\":\"number\"}")))
    @APIResponse(
            responseCode = "404",
            description = "The customer has no order with this number",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples =
                                    @ExampleObject(
                                            name = "notFound",
                                            value =
                                                    "{\"type\":\"about:blank\",\"title\":"
                                                            + "\"Not Found\",\"status\":404,\"detail\":\"you have no order with the number 1001\"}")))
    @CacheDirectives(NO_STORE)
    public Uni<RestResponse<OrderDetail>> byNumber(
            @Parameter(
                            name = "entry",
                            in = ParameterIn.PATH,
                            description = "proxy (app proxy) or api (session token)",
                            schema = @Schema(enumeration = {"proxy", "api"}))
                    @PathParam("entry")
                    String entry,
            @Parameter(description = "The order number (order_number, the digits of the name)", example = "1001")
                    @PathParam("number")
                    @Pattern(regexp = "[0-9]{1,18}", message = "an order number is digits, such as 1001")
                    String number) {
        return orders.byNumber(identity.customer(), Long.parseLong(number))
                .map(order -> RestResponse.ok(OrderDetail.of(order)));
    }

    @GET
    @Path("/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(
            operationId = "orderStatusEvents",
            summary = "Live status changes of the signed-in customer's orders",
            description = "Server-sent events: each change of an order's financial or fulfillment status, its "
                    + "cancellation, and each new fulfillment or tracking number, as order-service consumes it, on "
                    + "whichever replica. Events are named `order-status`, carry an `id`, and JSON data; an idle "
                    + "stream gets a comment line every 15 s. Send the last id received as `Last-Event-ID` to resume "
                    + "with what was missed. Browsers' EventSource cannot send a bearer token: on /api/... read the "
                    + "stream with fetch(), which can.")
    @APIResponse(
            responseCode = "200",
            description = "The stream",
            content =
                    @Content(
                            mediaType = MediaType.SERVER_SENT_EVENTS,
                            schema = @Schema(implementation = OrderStatusEvent.class),
                            examples = @ExampleObject(name = "paid", value = STATUS_EVENT_EXAMPLE)))
    @APIResponse(
            responseCode = "400",
            description = "A Last-Event-ID that is not an id this stream sent",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Multi<OutboundSseEvent> events(
            @Parameter(
                            name = "entry",
                            in = ParameterIn.PATH,
                            description = "proxy (app proxy) or api (session token)",
                            schema = @Schema(enumeration = {"proxy", "api"}))
                    @PathParam("entry")
                    String entry,
            @Parameter(description = "The id of the last event received, to resume after it")
                    @HeaderParam("Last-Event-ID")
                    @Pattern(
                            regexp = "\\s*(?:[0-9]{1,18}\\s*)?",
                            message = "Last-Event-ID must be the id of an event this stream sent (digits)")
                    String lastEventId,
            @Context Sse sse) {
        StorefrontCustomer customer = identity.customer();
        Long after = lastEventId(lastEventId);
        Duration lifetime = lifetime();
        // the feed ends the customer's stream (redaction) by completing; the heartbeats never do, so the merged
        // stream is cut at a marker the completion leaves
        OutboundSseEvent followEnded = sse.newEventBuilder().comment("ended").build();
        Multi<OutboundSseEvent> changes = statusFeed
                .follow(customer.shop(), customer.customerId(), after)
                .map(event -> sse.newEventBuilder()
                        .id(event.id())
                        .name("order-status")
                        .mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(OrderStatusEvent.class, event)
                        .build())
                .onCompletion()
                .continueWith(followEnded);
        // the changes first: merge subscribes in order, so the customer is followed before "connected" is sent
        return Multi.createBy()
                .merging()
                .streams(
                        changes,
                        Multi.createFrom()
                                .item(sse.newEventBuilder()
                                        .comment("connected")
                                        .reconnectDelay(RECONNECT_DELAY_MILLIS)
                                        .build()),
                        Multi.createFrom()
                                .ticks()
                                .every(streamConfig.heartbeat())
                                .map(tick -> sse.newEventBuilder()
                                        .comment("heartbeat")
                                        .build()))
                .select()
                .first(event -> event != followEnded)
                // checked once, when it opened: it ends, and the client reconnects and is checked again
                .select()
                .first(lifetime);
    }

    /** Until the session token expires, if it does before the longest a stream may stay open. */
    private Duration lifetime() {
        Duration longest = streamConfig.maxLifetime();
        return identity.credentialExpiresAt()
                .map(expires -> Duration.between(Instant.now(), expires))
                .filter(untilExpiry -> untilExpiry.compareTo(longest) < 0)
                .map(untilExpiry -> untilExpiry.isNegative() ? Duration.ZERO : untilExpiry)
                .orElse(longest);
    }

    /** Last-Event-ID as this stream writes it, its form (digits) checked as the request came in: never guessed at. */
    private static Long lastEventId(String header) {
        return header == null || header.isBlank() ? null : Long.parseLong(header.strip());
    }

    static final String STATUS_EVENT_EXAMPLE = """
            id: 4211
            event: order-status
            data: {"id":"4211","order_id":"820982911946154508","order_number":"1001","changes":["fulfillment",\
            "fulfillment_status"],"financial_status":"paid","fulfillment_status":"fulfilled","cancelled_at":null,\
            "fulfillment":{"id":"255858046","status":"success","tracking_company":"Australia Post",\
            "tracking_number":"33LA12345678","tracking_url":"https://auspost.com.au/mypost/track/details/33LA12345678"},\
            "occurred_at":"2026-07-03T06:00:00Z"}
            """;

    static final String LIST_EXAMPLE = """
            {
              "orders": [
                {
                  "id": "820982911946154508",
                  "number": 1001,
                  "name": "#1001",
                  "created_at": "2026-07-01T02:15:47Z",
                  "processed_at": "2026-07-01T02:15:47Z",
                  "financial_status": "paid",
                  "fulfillment_status": "partial",
                  "cancelled_at": null,
                  "total_price": "64.90",
                  "currency": "AUD",
                  "item_count": 2
                }
              ],
              "next": "djE6MTc4MjI2MjE0Ny4wOjgyMDk4MjkxMTk0NjE1NDUwOA"
            }""";

    static final String DETAIL_EXAMPLE = """
            {
              "id": "820982911946154508",
              "admin_graphql_api_id": "gid://shopify/Order/820982911946154508",
              "number": 1001,
              "name": "#1001",
              "created_at": "2026-07-01T02:15:47Z",
              "processed_at": "2026-07-01T02:15:47Z",
              "updated_at": "2026-07-03T06:00:00Z",
              "cancelled_at": null,
              "cancel_reason": null,
              "financial_status": "paid",
              "fulfillment_status": "fulfilled",
              "currency": "AUD",
              "subtotal_price": "54.90",
              "total_shipping_price": "10.00",
              "total_tax": "5.90",
              "total_discounts": "5.00",
              "total_price": "64.90",
              "line_items": [
                {
                  "id": "487817672276298554",
                  "product_id": "788032119674292922",
                  "variant_id": "39072856",
                  "title": "Monthly book box",
                  "variant_title": "Fiction",
                  "sku": "BOX-FICTION",
                  "quantity": 1,
                  "current_quantity": 1,
                  "price": "59.90",
                  "total_discount": "5.00",
                  "selling_plan_id": "690875514",
                  "selling_plan_name": "Delivered monthly",
                  "fulfillment_status": "fulfilled"
                }
              ],
              "shipping_address": {
                "name": "Ada Reader",
                "company": null,
                "address1": "88 George Street",
                "address2": null,
                "city": "Sydney",
                "province": "New South Wales",
                "province_code": "NSW",
                "country": "Australia",
                "country_code": "AU",
                "zip": "2000",
                "phone": "+61 2 5550 0123"
              },
              "fulfillments": [
                {
                  "id": "255858046",
                  "name": "#1001.1",
                  "status": "success",
                  "shipment_status": "in_transit",
                  "tracking_company": "Australia Post",
                  "tracking_number": "33TST000123401000935000",
                  "tracking_url": "https://auspost.com.au/mypost/track/details/33TST000123401000935000",
                  "created_at": "2026-07-02T01:00:00Z",
                  "updated_at": "2026-07-03T06:00:00Z"
                }
              ]
            }""";
}
