package com.lavish.shopifyfake.storefront;

import static com.lavish.shopifyfake.storefront.StorefrontAnswers.json;
import static com.lavish.shopifyfake.storefront.StorefrontAnswers.redirect;
import static com.lavish.shopifyfake.storefront.StorefrontAnswers.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.lavish.shopifyfake.admin.StorefrontCatalog;
import io.vertx.core.MultiMap;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Shopify's Ajax cart as the theme calls it: {@code POST /cart/add.js} adds a variant, with the selling plan the
 * product form sent, and {@code GET /cart.js} shows the cart, each line with its {@code selling_plan_allocation}, as
 * Shopify's answers do. A cart lives as long as the fake, under the {@code cart} cookie's token.
 */
final class StorefrontCart {

    private static final Logger LOG = Logger.getLogger(StorefrontCart.class);
    private static final String CART_COOKIE = "cart";

    /** A refusal in Shopify's Ajax cart format: {@code {status, message, description}}. */
    static final class CartError extends RuntimeException {
        final int status;

        CartError(int status, String description) {
            super(description);
            this.status = status;
        }

        Map<String, Object> body() {
            return Map.of("status", status, "message", "Cart Error", "description", getMessage());
        }
    }

    private final Map<String, List<Map<String, Object>>> carts = new ConcurrentHashMap<>();

    /** Adds a line (or more of a line with the same variant and plan) and answers it as Shopify does. */
    @SuppressWarnings("unchecked")
    Map<String, Object> add(
            String token, StorefrontCatalog catalog, String variantText, String quantityText, String sellingPlanText) {
        long variantId =
                number(variantText, "id", "Parameter Missing or Invalid: Required parameter missing or invalid: id");
        long quantity = quantityText == null || quantityText.isBlank()
                ? 1
                : number(quantityText, "quantity", "Quantity must be a positive number");
        Map<String, Object> variant =
                catalog.variant(variantId).orElseThrow(() -> new CartError(404, "Cannot find variant"));
        Map<String, Object> allocation = null;
        if (sellingPlanText != null && !sellingPlanText.isBlank()) {
            long planId = number(sellingPlanText, "selling_plan", "The selling plan is not valid");
            allocation = ((List<Map<String, Object>>) variant.get("selling_plan_allocations"))
                    .stream()
                            .filter(a ->
                                    Objects.equals(((Map<String, Object>) a.get("selling_plan")).get("id"), planId))
                            .findFirst()
                            .orElseThrow(() ->
                                    new CartError(422, "Variant can only be purchased with a selling plan it has"));
        }
        long unitPrice = allocation == null ? (long) variant.get("price") : (long) allocation.get("price");
        String key = variantId + ":"
                + (allocation == null ? "once" : ((Map<String, Object>) allocation.get("selling_plan")).get("id"));
        List<Map<String, Object>> lines = carts.computeIfAbsent(token, t -> new ArrayList<>());
        synchronized (lines) {
            Map<String, Object> line = lines.stream()
                    .filter(l -> key.equals(l.get("key")))
                    .findFirst()
                    .orElse(null);
            if (line == null) {
                line = new LinkedHashMap<>();
                line.put("key", key);
                line.put("id", variantId);
                line.put("variant_id", variantId);
                line.put("quantity", 0L);
                line.put("title", variant.get("product_title") + " - " + variant.get("title"));
                line.put("product_title", variant.get("product_title"));
                line.put("variant_title", variant.get("title"));
                line.put("sku", variant.get("sku"));
                line.put("url", "/products/" + variant.get("handle") + "?variant=" + variantId);
                line.put("price", unitPrice);
                line.put("selling_plan_allocation", allocation);
                lines.add(line);
            }
            long total = (long) line.get("quantity") + quantity;
            line.put("quantity", total);
            line.put("line_price", total * unitPrice);
            return new LinkedHashMap<>(line);
        }
    }

    /** {@code POST /cart/add.js} (ajax: the line as JSON) or {@code /cart/add} (a form: on to the cart page). */
    void add(HttpServerRequest request, boolean ajax, StorefrontCatalog catalog) {
        if (request.method() != HttpMethod.POST) {
            request.response().putHeader("Allow", "POST");
            text(request.response(), 405, "add to the cart with POST");
            return;
        }
        String contentType = String.valueOf(request.getHeader("Content-Type"));
        if (contentType.startsWith("application/json")) {
            request.body().onSuccess(body -> {
                try {
                    JsonNode json = StorefrontAnswers.JSON.readTree(body.getBytes());
                    JsonNode item = json.has("items") ? json.path("items").path(0) : json;
                    added(
                            request,
                            ajax,
                            catalog,
                            item.path("id").asText(null),
                            item.path("quantity").asText(null),
                            item.path("selling_plan").asText(null));
                } catch (IOException e) {
                    json(
                            request.response(),
                            400,
                            Map.of("status", 400, "message", "Cart Error", "description", "the body is not JSON"));
                }
            });
        } else {
            request.setExpectMultipart(true);
            request.end().onSuccess(v -> {
                MultiMap form = request.formAttributes();
                added(request, ajax, catalog, form.get("id"), form.get("quantity"), form.get("selling_plan"));
            });
        }
    }

    private void added(
            HttpServerRequest request,
            boolean ajax,
            StorefrontCatalog catalog,
            String variant,
            String quantity,
            String sellingPlan) {
        try {
            Map<String, Object> line = add(cartToken(request, true), catalog, variant, quantity, sellingPlan);
            LOG.infof(
                    "cart add variant=%s selling_plan=%s",
                    line.get("variant_id"), sellingPlan == null || sellingPlan.isBlank() ? "none" : sellingPlan);
            if (ajax) {
                json(request.response(), 200, line);
            } else {
                redirect(request.response(), "/cart");
            }
        } catch (CartError e) {
            json(request.response(), e.status, e.body());
        }
    }

    /** The browser's cart token, made (and set as a cookie) when it has none and one is needed. */
    static String cartToken(HttpServerRequest request, boolean create) {
        Cookie cookie = request.getCookie(CART_COOKIE);
        if (cookie != null && !cookie.getValue().isBlank()) {
            return cookie.getValue();
        }
        if (!create) {
            return null;
        }
        String token = UUID.randomUUID().toString().replace("-", "");
        request.response()
                .addCookie(Cookie.cookie(CART_COOKIE, token)
                        .setPath("/")
                        .setHttpOnly(true)
                        .setSameSite(CookieSameSite.LAX));
        return token;
    }

    /** The cart of this token, as {@code /cart.js} answers it. */
    Map<String, Object> cart(String token) {
        List<Map<String, Object>> lines =
                Optional.ofNullable(token).map(carts::get).orElse(List.of());
        Map<String, Object> cart = new LinkedHashMap<>();
        synchronized (lines) {
            List<Map<String, Object>> items = lines.stream()
                    .map(l -> (Map<String, Object>) new LinkedHashMap<>(l))
                    .toList();
            cart.put("token", token);
            cart.put("items", items);
            cart.put(
                    "item_count",
                    items.stream().mapToLong(l -> (long) l.get("quantity")).sum());
            cart.put(
                    "total_price",
                    items.stream().mapToLong(l -> (long) l.get("line_price")).sum());
            cart.put("requires_shipping", !items.isEmpty());
            cart.put("currency", "AUD");
        }
        return cart;
    }

    private static long number(String text, String field, String description) {
        try {
            long value = Long.parseLong(text == null ? "" : text.trim());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new CartError(field.equals("id") ? 400 : 422, description);
    }
}
