package com.lavish.shopifyfake.storefront;

import static com.lavish.shopifyfake.storefront.StorefrontAnswers.json;
import static com.lavish.shopifyfake.storefront.StorefrontAnswers.positive;
import static com.lavish.shopifyfake.storefront.StorefrontAnswers.redirect;
import static com.lavish.shopifyfake.storefront.StorefrontAnswers.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.lavish.shopifyfake.admin.StorefrontCatalog;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The shop's storefront as a browser sees it, rendered from the theme app extension's own Liquid files: a product
 * page with the <b>Subscription options</b> block beside a classic product form, the customer account page with the
 * <b>Account portal</b> block, Shopify's Ajax cart ({@code /cart/add.js}, {@code /cart.js}), and a log-in that
 * stands for Shopify's customer accounts: a cookie naming the customer, which the app proxy turns into
 * {@code logged_in_customer_id} (the fake's only log-in; it checks no password). The pages carry a strict
 * Content-Security-Policy (no inline script or style, no eval), as a careful shop's theme would, so a block that
 * needs more fails here first. {@code /fr/...} renders a page in French.
 */
public final class Storefront {

    private static final Logger LOG = Logger.getLogger(Storefront.class);
    /** The fake's log-in: the logged-in customer's id. Shopify keeps its own session; nothing else reads this. */
    public static final String CUSTOMER_COOKIE = "_fake_customer";

    private static final Set<String> LOCALES = Set.of("fr");
    private static final Set<String> PAGE_PATHS = Set.of(
            "/", "/account", "/account/login", "/account/logout", "/cart", "/cart.js", "/cart/add", "/cart/add.js");

    private final LiquidTheme theme;
    private final StorefrontCatalog catalog;
    private final StorefrontCart carts = new StorefrontCart();
    private final String proxyPrefix;
    private final String edge;
    private final String contentSecurityPolicy;

    /**
     * @param extension   the theme app extension's folder (blocks/, snippets/, assets/, locales/)
     * @param proxyPrefix where the app proxy listens ({@code /apps/lavish}), the portal's default
     * @param edge        the suite's API gateway, which a portal with the direct API calls across origins
     */
    public Storefront(Path extension, StorefrontCatalog catalog, String proxyPrefix, String edge) {
        this.theme = new LiquidTheme(extension);
        this.catalog = catalog;
        this.proxyPrefix = proxyPrefix;
        this.edge = edge;
        this.contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self' " + edge + "; form-action 'self'; base-uri 'none'; object-src 'none'; "
                + "frame-ancestors 'none'";
    }

    /** Whether a path is the storefront's (pages, cart, assets), with or without a locale prefix. */
    public static boolean handles(String path) {
        String bare = withoutLocale(path);
        return PAGE_PATHS.contains(bare)
                || bare.startsWith("/products/")
                || bare.startsWith(LiquidTheme.ASSET_PATH)
                || bare.startsWith("/theme/");
    }

    /** The customer the browser is logged in as (the fake's cookie), if any. */
    public static Optional<Long> loggedInCustomer(HttpServerRequest request) {
        Cookie cookie = request.getCookie(CUSTOMER_COOKIE);
        if (cookie == null) {
            return Optional.empty();
        }
        try {
            long id = Long.parseLong(cookie.getValue());
            return id > 0 ? Optional.of(id) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public void handle(HttpServerRequest request) {
        String locale = localeOf(request.path());
        String path = withoutLocale(request.path());
        try {
            if (path.startsWith(LiquidTheme.ASSET_PATH)) {
                StorefrontFiles.asset(
                        request, theme.extension().resolve("assets"), path.substring(LiquidTheme.ASSET_PATH.length()));
            } else if (path.startsWith("/theme/")) {
                StorefrontFiles.themeFile(request, path.substring("/theme/".length()));
            } else if (path.equals("/cart/add.js") || path.equals("/cart/add")) {
                carts.add(request, path.endsWith(".js"), catalog);
            } else if (request.method() != HttpMethod.GET && !path.equals("/account/login")) {
                request.response().putHeader("Allow", "GET");
                text(request.response(), 405, "this page takes GET");
            } else if (path.equals("/cart.js")) {
                json(request.response(), 200, carts.cart(StorefrontCart.cartToken(request, false)));
            } else if (path.startsWith("/products/")) {
                productPage(request, locale, path.substring("/products/".length()));
            } else if (path.equals("/account")) {
                accountPage(request, locale);
            } else if (path.equals("/account/login")) {
                login(request, locale);
            } else if (path.equals("/account/logout")) {
                request.response()
                        .addCookie(
                                Cookie.cookie(CUSTOMER_COOKIE, "").setPath("/").setMaxAge(0));
                redirect(request.response(), "/");
            } else if (path.equals("/cart")) {
                html(
                        request,
                        objects(request, locale),
                        "Cart",
                        "cart",
                        Map.of("cart", carts.cart(StorefrontCart.cartToken(request, false))),
                        List.of());
            } else {
                html(
                        request,
                        objects(request, locale),
                        "Lavish Library",
                        "index",
                        Map.of("products", catalog.products()),
                        List.of());
            }
        } catch (RuntimeException e) {
            // a Liquid error is the extension's bug: the page says where, the log has the whole story
            LOG.errorf(e, "storefront %s %s failed", request.method(), request.path());
            text(request.response(), 500, "the storefront could not render this page: " + e.getMessage());
        }
    }

    // ---- pages ----

    private void productPage(HttpServerRequest request, String locale, String handle) {
        Optional<Map<String, Object>> product = catalog.product(
                handle, positive(request.getParam("variant")), positive(request.getParam("selling_plan")));
        if (product.isEmpty()) {
            text(request.response(), 404, "no product with the handle '" + handle + "'");
            return;
        }
        Map<String, Object> objects = objects(request, locale);
        objects.put("product", product.get());
        objects.put("block", block("purchase-options", "purchase-options-1", Map.of()));
        String options = theme.block("purchase-options", objects);
        html(
                request,
                objects,
                (String) product.get().get("title"),
                "product",
                Map.of("purchase_options", options),
                stylesheets("purchase-options"));
    }

    private void accountPage(HttpServerRequest request, String locale) {
        Map<String, Object> objects = objects(request, locale);
        // ?direct: the portal calls the API at the gateway with session tokens (a headless storefront's way)
        Map<String, Object> settings = new HashMap<>(Map.of("proxy_path", proxyPrefix));
        if (request.getParam("direct") != null) {
            settings.put("api_base", edge);
        }
        objects.put("block", block("account-portal", "account-portal-1", settings));
        String portal = theme.block("account-portal", objects);
        html(request, objects, "Account", "account", Map.of("account_portal", portal), stylesheets("account-portal"));
    }

    private void login(HttpServerRequest request, String locale) {
        if (request.method() == HttpMethod.GET && request.getParam("customer_id") != null) {
            // a link that logs in (the local run prints one for the demo's customer): the fake checks nothing anyway
            loggedIn(request, locale);
            return;
        }
        if (request.method() == HttpMethod.GET) {
            html(
                    request,
                    objects(request, locale),
                    "Log in",
                    "login",
                    Map.of("customers", catalog.customers()),
                    List.of());
            return;
        }
        if (request.method() != HttpMethod.POST) {
            request.response().putHeader("Allow", "GET, POST");
            text(request.response(), 405, "log in with POST");
            return;
        }
        request.setExpectMultipart(true);
        request.end().onSuccess(v -> loggedIn(request, locale));
    }

    private void loggedIn(HttpServerRequest request, String locale) {
        String id = request.getFormAttribute("customer_id");
        Long customer = positive(id == null ? request.getParam("customer_id") : id);
        if (customer == null) {
            text(request.response(), 400, "customer_id must be a customer's id, digits");
            return;
        }
        request.response()
                .addCookie(Cookie.cookie(CUSTOMER_COOKIE, Long.toString(customer))
                        .setPath("/")
                        .setHttpOnly(true)
                        .setSameSite(CookieSameSite.LAX));
        redirect(request.response(), (locale.equals("en") ? "" : "/" + locale) + "/account");
    }

    /**
     * A page of the fake's theme ({@code name}, with its own objects) inside the layout, both with the request's
     * global objects, made once per request.
     */
    private void html(
            HttpServerRequest request,
            Map<String, Object> objects,
            String title,
            String name,
            Map<String, Object> content,
            List<String> stylesheets) {
        objects.putAll(content);
        objects.put("page_title", title);
        objects.put("content_for_layout", theme.page(name, objects));
        objects.put("stylesheets", stylesheets);
        String body = theme.page("layout", objects);
        request.response()
                .setStatusCode(200)
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Content-Security-Policy", contentSecurityPolicy)
                .putHeader("Cache-Control", "no-store")
                .putHeader("X-Content-Type-Options", "nosniff")
                .end(body);
    }

    /** The global objects every template sees: request, routes, shop, and the logged-in customer. */
    private Map<String, Object> objects(HttpServerRequest request, String locale) {
        Map<String, Object> objects = new HashMap<>();
        String prefix = locale.equals("en") ? "" : "/" + locale;
        objects.put("request", Map.of("locale", Map.of("iso_code", locale), "path", request.path()));
        objects.put(
                "routes",
                Map.of(
                        "root_url",
                        prefix + "/",
                        "cart_url",
                        prefix + "/cart",
                        "cart_add_url",
                        prefix + "/cart/add",
                        "account_url",
                        prefix + "/account",
                        "account_login_url",
                        prefix + "/account/login",
                        "account_logout_url",
                        prefix + "/account/logout"));
        objects.put("shop", Map.of("name", "Lavish Library", "currency", "AUD"));
        loggedInCustomer(request).ifPresent(id -> objects.put("customer", catalog.customer(id)));
        return objects;
    }

    /** Liquid's {@code block}: the schema's defaults, overridden as a merchant would in the theme editor. */
    private Map<String, Object> block(String name, String id, Map<String, Object> overrides) {
        Map<String, Object> settings = new LinkedHashMap<>();
        for (JsonNode setting : theme.schema(name).path("settings")) {
            JsonNode value = setting.get("default");
            if (value != null) {
                settings.put(
                        setting.get("id").asText(),
                        value.isBoolean()
                                ? value.asBoolean()
                                : value.isNumber() ? value.numberValue() : value.asText());
            }
        }
        settings.putAll(overrides);
        return Map.of("id", id, "settings", settings, "shopify_attributes", "");
    }

    private List<String> stylesheets(String block) {
        JsonNode stylesheet = theme.schema(block).get("stylesheet");
        return stylesheet == null ? List.of() : List.of(LiquidTheme.ASSET_PATH + stylesheet.asText());
    }

    private static String localeOf(String path) {
        Iterator<String> parts = List.of(path.split("/", 3)).iterator();
        parts.next();
        String first = parts.hasNext() ? parts.next() : "";
        return LOCALES.contains(first) ? first : "en";
    }

    private static String withoutLocale(String path) {
        String locale = localeOf(path);
        if (locale.equals("en")) {
            return path;
        }
        String rest = path.substring(locale.length() + 1);
        return rest.isEmpty() ? "/" : rest;
    }
}
