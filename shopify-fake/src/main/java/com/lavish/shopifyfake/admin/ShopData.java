package com.lavish.shopifyfake.admin;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One shop's resources, kept as maps shaped like the Admin schema's objects (see {@link AdminWiring}): products and
 * variants (a seed catalogue of book boxes in AUD), selling plan groups and plans, customers, orders, subscription
 * contracts with their lines and payment methods, drafts, billing attempts and bulk operations. Keys starting with {@code _} are the
 * fake's own bookkeeping and never reach a client.
 * <p>
 * Everything that reads or changes a shop holds {@link #lock()}: a GraphQL request runs whole under it, so a
 * request sees one consistent state, as on Shopify.
 */
public final class ShopData {

    static final String TYPENAME = AdminWiring.TYPENAME;

    private final String domain;
    private final AdminStore store;
    private final ReentrantLock lock = new ReentrantLock();

    final Map<Long, Map<String, Object>> products = new TreeMap<>();
    final Map<Long, Map<String, Object>> variants = new TreeMap<>();
    final Map<Long, Map<String, Object>> groups = new TreeMap<>();
    final Map<Long, Map<String, Object>> customers = new TreeMap<>();
    final Map<Long, Map<String, Object>> orders = new TreeMap<>();
    final Map<Long, Map<String, Object>> contracts = new TreeMap<>();
    final Map<Long, Map<String, Object>> drafts = new TreeMap<>();
    final Map<Long, Map<String, Object>> attempts = new TreeMap<>();
    final Map<Long, Map<String, Object>> bulkOperations = new TreeMap<>();
    final Map<Long, Map<String, Object>> paymentMethods = new TreeMap<>();
    /** The update emails customerPaymentMethodSendUpdateEmail asked for, oldest first: recorded, never sent. */
    final List<Map<String, Object>> paymentMethodEmails = new ArrayList<>();
    /** Every entity with an id, by gid: node(id) and nodes(ids). */
    private final Map<String, Map<String, Object>> index = new LinkedHashMap<>();
    /** Billing failures scripted per contract id. */
    final Map<Long, BillingScript> billingScripts = new LinkedHashMap<>();
    private long orderNumber = 1001;

    /** How the next billing attempts of a contract fail: {@code failures} times (negative: always), then succeed. */
    record BillingScript(String errorCode, int failures) {
    }

    ShopData(String domain, AdminStore store) {
        this.domain = domain;
        this.store = store;
        seed();
    }

    public String domain() {
        return domain;
    }

    public ReentrantLock lock() {
        return lock;
    }

    AdminStore store() {
        return store;
    }

    OffsetDateTime now() {
        return store.now();
    }

    String nowText() {
        return AdminStore.format(now());
    }

    // ---- entities ----

    /** A new entity of a type with a fresh id, registered for node lookups. */
    Map<String, Object> create(String type) {
        long id = store.nextId(type);
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put(TYPENAME, type);
        entity.put("id", Gids.of(type, id));
        entity.put("legacyResourceId", Long.toUnsignedString(id));
        index.put((String) entity.get("id"), entity);
        return entity;
    }

    void register(Map<String, Object> entity) {
        index.put((String) entity.get("id"), entity);
    }

    void forget(String gid) {
        index.remove(gid);
    }

    Map<String, Object> node(String gid) {
        Map<String, Object> entity = index.get(gid);
        return entity == null || Boolean.TRUE.equals(entity.get("_deleted")) ? null : entity;
    }

    /** The entity with this gid if it is of this type. */
    Map<String, Object> find(String type, String gid) {
        Map<String, Object> entity = node(gid);
        return entity != null && type.equals(entity.get(TYPENAME)) ? entity : null;
    }

    static long id(Map<String, Object> entity) {
        return Gids.number((String) entity.get("id"));
    }

    static Map<String, Object> money(BigDecimal amount) {
        Map<String, Object> money = new LinkedHashMap<>();
        money.put(TYPENAME, "MoneyV2");
        money.put("amount", amount.toPlainString());
        money.put("currencyCode", AdminStore.CURRENCY);
        return money;
    }

    static Map<String, Object> moneyBag(BigDecimal amount) {
        Map<String, Object> bag = new LinkedHashMap<>();
        bag.put(TYPENAME, "MoneyBag");
        bag.put("shopMoney", money(amount));
        bag.put("presentmentMoney", money(amount));
        return bag;
    }

    static Map<String, Object> count(int n) {
        Map<String, Object> count = new LinkedHashMap<>();
        count.put(TYPENAME, "Count");
        count.put("count", n);
        count.put("precision", "EXACT");
        return count;
    }

    static Map<String, Object> object(String type, Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(TYPENAME, type);
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    // ---- catalogue ----

    private void seed() {
        product("Lavish Monthly Book Box", "lavish-monthly-book-box", "Book Box",
                new String[][] {{"One book", "LBB-MONTHLY-1", "29.95"}, {"Two books", "LBB-MONTHLY-2", "54.95"}});
        product("Lavish Kids Book Box", "lavish-kids-book-box", "Book Box",
                new String[][] {{"Ages 3-6", "LBB-KIDS-3-6", "24.95"}, {"Ages 7-12", "LBB-KIDS-7-12", "27.95"}});
        product("Crime & Thriller Book Box", "crime-thriller-book-box", "Book Box",
                new String[][] {{"One book", "LBB-CRIME-1", "32.50"}});
        product("Gift Wrap", "gift-wrap", "Accessory", new String[][] {{"Default Title", "LBB-GIFT-WRAP", "5.00"}});
        customer("ada.lovelace@example.com", "Ada", "Lovelace");
        customer("miles.franklin@example.com", "Miles", "Franklin");
    }

    /**
     * Adds a product with its variants ({title, sku, price} each), active, updated now.
     */
    public Map<String, Object> product(String title, String handle, String productType, String[][] variantSpecs) {
        Map<String, Object> product = create("Product");
        long productId = id(product);
        String now = nowText();
        product.put("title", title);
        product.put("handle", handle);
        product.put("status", "ACTIVE");
        product.put("productType", productType);
        product.put("vendor", "Lavish Library");
        product.put("tags", List.of());
        product.put("descriptionHtml", "");
        product.put("description", "");
        product.put("createdAt", now);
        product.put("updatedAt", now);
        product.put("publishedAt", now);
        product.put("requiresSellingPlan", false);
        product.put("tracksInventory", true);
        product.put("totalInventory", 100 * variantSpecs.length);
        product.put("hasOnlyDefaultVariant", variantSpecs.length == 1 && "Default Title".equals(variantSpecs[0][0]));
        List<Map<String, Object>> productVariants = new ArrayList<>();
        int position = 1;
        for (String[] spec : variantSpecs) {
            Map<String, Object> variant = create("ProductVariant");
            variant.put("title", spec[0]);
            variant.put("displayName", title + " - " + spec[0]);
            variant.put("sku", spec[1]);
            variant.put("price", new BigDecimal(spec[2]).toPlainString());
            variant.put("position", position++);
            variant.put("availableForSale", true);
            variant.put("inventoryQuantity", 100);
            variant.put("taxable", true);
            variant.put("createdAt", now);
            variant.put("updatedAt", now);
            variant.put("_productId", productId);
            variant.put("product", (Supplier<Object>) () -> products.get(productId));
            long variantId = id(variant);
            variant.put("sellingPlanGroups", (Supplier<Object>) () -> groupsOf(productId));
            variant.put("sellingPlanGroupsCount", (Supplier<Object>) () -> count(groupsOf(productId).size()));
            variants.put(variantId, variant);
            productVariants.add(variant);
        }
        product.put("_variants", productVariants);
        product.put("variants", (Supplier<Object>) () -> product.get("_variants"));
        product.put("variantsCount", (Supplier<Object>) () -> count(productVariants.size()));
        product.put("sellingPlanGroups", (Supplier<Object>) () -> groupsOf(productId));
        product.put("sellingPlanGroupsCount", (Supplier<Object>) () -> count(groupsOf(productId).size()));
        products.put(productId, product);
        return product;
    }

    List<Map<String, Object>> groupsOf(long productId) {
        return groups.values().stream().filter(g -> productIdsOf(g).contains(productId)).toList();
    }

    @SuppressWarnings("unchecked")
    static Set<Long> productIdsOf(Map<String, Object> group) {
        return (Set<Long>) group.get("_productIds");
    }

    /** The product was changed (a selling plan association): its updatedAt moves. */
    void touchProduct(long productId) {
        Map<String, Object> product = products.get(productId);
        if (product != null) {
            product.put("updatedAt", nowText());
        }
    }

    // ---- customers ----

    public Map<String, Object> customer(String email, String firstName, String lastName) {
        Map<String, Object> customer = create("Customer");
        return customer(customer, email, firstName, lastName);
    }

    /** A customer with a given id (a checkout names one the fake has not seen). */
    Map<String, Object> customerWithId(long id, String email, String firstName, String lastName) {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put(TYPENAME, "Customer");
        customer.put("id", Gids.of("Customer", id));
        customer.put("legacyResourceId", Long.toUnsignedString(id));
        index.put((String) customer.get("id"), customer);
        return customer(customer, email, firstName, lastName);
    }

    private Map<String, Object> customer(Map<String, Object> customer, String email, String firstName,
                                         String lastName) {
        long customerId = id(customer);
        String now = nowText();
        customer.put("email", email);
        customer.put("firstName", firstName);
        customer.put("lastName", lastName);
        customer.put("displayName", firstName + " " + lastName);
        customer.put("phone", null);
        customer.put("tags", List.of());
        customer.put("state", "ENABLED");
        customer.put("verifiedEmail", true);
        customer.put("locale", "en");
        customer.put("note", null);
        customer.put("createdAt", now);
        customer.put("updatedAt", now);
        Map<String, Object> address = address(firstName, lastName);
        customer.put("defaultAddress", address);
        customer.put("addresses", List.of(address));
        customer.put("addressesV2", List.of(address));
        customer.put("emailMarketingConsent", object("CustomerEmailMarketingConsentState",
                "marketingState", "SUBSCRIBED", "marketingOptInLevel", "SINGLE_OPT_IN", "consentUpdatedAt", now));
        customer.put("orders", (Supplier<Object>) () -> orders.values().stream()
                .filter(o -> Long.valueOf(customerId).equals(o.get("_customerId"))).toList());
        customer.put("numberOfOrders", (Supplier<Object>) () -> Long.toString(orders.values().stream()
                .filter(o -> Long.valueOf(customerId).equals(o.get("_customerId"))).count()));
        customer.put("subscriptionContracts", (Supplier<Object>) () -> contracts.values().stream()
                .filter(c -> Long.valueOf(customerId).equals(c.get("_customerId"))).toList());
        customer.put("amountSpent", money(BigDecimal.ZERO));
        customers.put(customerId, customer);
        return customer;
    }

    /** An address in Sydney (the Lavish shop's city), in the phone range Australia reserves for fiction. */
    Map<String, Object> address(String firstName, String lastName) {
        Map<String, Object> address = create("MailingAddress");
        address.put("firstName", firstName);
        address.put("lastName", lastName);
        address.put("name", firstName + " " + lastName);
        address.put("address1", "88 George Street");
        address.put("address2", null);
        address.put("city", "Sydney");
        address.put("province", "New South Wales");
        address.put("provinceCode", "NSW");
        address.put("country", "Australia");
        address.put("countryCodeV2", "AU");
        address.put("zip", "2000");
        address.put("phone", "+61 2 5550 0123");
        address.put("company", null);
        return address;
    }

    // ---- orders ----

    /** One line of an order: a variant, how many, at what unit price, and the selling plan it was bought on. */
    record OrderLine(Map<String, Object> variant, int quantity, BigDecimal price, Map<String, Object> plan) {
    }

    /** A paid order for a customer, numbered on from #1001. */
    Map<String, Object> order(long customerId, List<OrderLine> orderLines, String sourceName) {
        Map<String, Object> order = create("Order");
        long number = orderNumber++;
        String now = nowText();
        Map<String, Object> customer = customers.get(customerId);
        BigDecimal total = BigDecimal.ZERO;
        int quantity = 0;
        List<Map<String, Object>> lines = new ArrayList<>();
        for (OrderLine orderLine : orderLines) {
            lines.add(lineItem(orderLine));
            total = total.add(orderLine.price().multiply(BigDecimal.valueOf(orderLine.quantity())));
            quantity += orderLine.quantity();
        }
        order.put("name", "#" + number);
        // Order.number is what the name is made of ("#1001" → 1001), the REST webhook's order_number
        order.put("number", (int) number);
        order.put("_orderNumber", number);
        order.put("email", customer == null ? null : customer.get("email"));
        order.put("createdAt", now);
        order.put("updatedAt", now);
        order.put("processedAt", now);
        order.put("currencyCode", AdminStore.CURRENCY);
        order.put("presentmentCurrencyCode", AdminStore.CURRENCY);
        order.put("displayFinancialStatus", "PAID");
        order.put("displayFulfillmentStatus", "UNFULFILLED");
        order.put("confirmed", true);
        order.put("closed", false);
        order.put("test", false);
        order.put("fullyPaid", true);
        order.put("unpaid", false);
        order.put("tags", List.of());
        order.put("sourceName", sourceName);
        order.put("subtotalLineItemsQuantity", quantity);
        order.put("currentSubtotalLineItemsQuantity", quantity);
        for (String field : List.of("totalPriceSet", "currentTotalPriceSet", "subtotalPriceSet",
                "currentSubtotalPriceSet", "originalTotalPriceSet", "totalReceivedSet", "netPaymentSet")) {
            order.put(field, moneyBag(total));
        }
        for (String field : List.of("totalTaxSet", "currentTotalTaxSet", "totalDiscountsSet",
                "currentTotalDiscountsSet", "totalShippingPriceSet", "totalOutstandingSet", "totalRefundedSet")) {
            order.put(field, moneyBag(BigDecimal.ZERO));
        }
        order.put("_customerId", customerId);
        order.put("customer", (Supplier<Object>) () -> customers.get(customerId));
        if (customer != null) {
            order.put("shippingAddress", customer.get("defaultAddress"));
            order.put("billingAddress", customer.get("defaultAddress"));
        }
        order.put("_lines", lines);
        order.put("lineItems", lines);
        orders.put(id(order), order);
        return order;
    }

    private Map<String, Object> lineItem(OrderLine orderLine) {
        Map<String, Object> variant = orderLine.variant();
        int quantity = orderLine.quantity();
        BigDecimal price = orderLine.price();
        BigDecimal total = price.multiply(BigDecimal.valueOf(quantity));
        Map<String, Object> line = create("LineItem");
        long productId = (Long) variant.get("_productId");
        Map<String, Object> product = products.get(productId);
        line.put("title", product.get("title"));
        line.put("name", variant.get("displayName"));
        line.put("variantTitle", variant.get("title"));
        line.put("sku", variant.get("sku"));
        line.put("vendor", product.get("vendor"));
        line.put("quantity", quantity);
        line.put("currentQuantity", quantity);
        line.put("unfulfilledQuantity", quantity);
        line.put("requiresShipping", true);
        line.put("taxable", true);
        line.put("originalUnitPriceSet", moneyBag(price));
        line.put("discountedUnitPriceSet", moneyBag(price));
        line.put("originalTotalSet", moneyBag(total));
        line.put("discountedTotalSet", moneyBag(total));
        line.put("_variantId", id(variant));
        line.put("_productId", productId);
        line.put("_price", price);
        line.put("variant", variant);
        line.put("product", (Supplier<Object>) () -> products.get(productId));
        Map<String, Object> plan = orderLine.plan();
        if (plan != null) {
            line.put("_sellingPlanId", id(plan));
            line.put("sellingPlan", object("LineItemSellingPlan", "name", plan.get("name"), "sellingPlanId",
                    plan.get("id")));
        }
        return line;
    }

    // ---- search fields per resource ----

    static final Map<String, SearchQuery.Field> PRODUCT_FIELDS = Map.of(
            "default", SearchQuery.words(p -> List.of(p.get("title"), p.get("handle"), p.get("productType"))),
            "id", new SearchQuery.Field(SearchQuery.Kind.ID, p -> p.get("id")),
            "title", new SearchQuery.Field(SearchQuery.Kind.STRING, p -> p.get("title")),
            "handle", new SearchQuery.Field(SearchQuery.Kind.STRING, p -> p.get("handle")),
            "status", new SearchQuery.Field(SearchQuery.Kind.STRING, p -> p.get("status")),
            "product_type", new SearchQuery.Field(SearchQuery.Kind.STRING, p -> p.get("productType")),
            "sku", new SearchQuery.Field(SearchQuery.Kind.STRING, ShopData::skus),
            "created_at", new SearchQuery.Field(SearchQuery.Kind.TIME, p -> p.get("createdAt")),
            "updated_at", new SearchQuery.Field(SearchQuery.Kind.TIME, p -> p.get("updatedAt")));

    static final Map<String, SearchQuery.Field> CUSTOMER_FIELDS = Map.of(
            "default", SearchQuery.words(c -> List.of(c.get("email"), c.get("firstName"), c.get("lastName"))),
            "id", new SearchQuery.Field(SearchQuery.Kind.ID, c -> c.get("id")),
            "email", new SearchQuery.Field(SearchQuery.Kind.STRING, c -> c.get("email")),
            "tag", new SearchQuery.Field(SearchQuery.Kind.STRING, c -> c.get("tags")),
            "created_at", new SearchQuery.Field(SearchQuery.Kind.TIME, c -> c.get("createdAt")),
            "updated_at", new SearchQuery.Field(SearchQuery.Kind.TIME, c -> c.get("updatedAt")));

    static final Map<String, SearchQuery.Field> ORDER_FIELDS = Map.of(
            "default", SearchQuery.words(o -> List.of(o.get("name"), String.valueOf(o.get("email")))),
            "id", new SearchQuery.Field(SearchQuery.Kind.ID, o -> o.get("id")),
            "name", new SearchQuery.Field(SearchQuery.Kind.STRING, o -> o.get("name")),
            "email", new SearchQuery.Field(SearchQuery.Kind.STRING, o -> o.get("email")),
            "customer_id", new SearchQuery.Field(SearchQuery.Kind.ID, o -> String.valueOf(o.get("_customerId"))),
            "created_at", new SearchQuery.Field(SearchQuery.Kind.TIME, o -> o.get("createdAt")),
            "processed_at", new SearchQuery.Field(SearchQuery.Kind.TIME, o -> o.get("processedAt")),
            "updated_at", new SearchQuery.Field(SearchQuery.Kind.TIME, o -> o.get("updatedAt")));

    static final Map<String, SearchQuery.Field> CONTRACT_FIELDS = Map.of(
            "id", new SearchQuery.Field(SearchQuery.Kind.ID, c -> c.get("id")),
            "status", new SearchQuery.Field(SearchQuery.Kind.STRING, c -> c.get("status")),
            "customer_id", new SearchQuery.Field(SearchQuery.Kind.ID, c -> String.valueOf(c.get("_customerId"))),
            "created_at", new SearchQuery.Field(SearchQuery.Kind.TIME, c -> c.get("createdAt")),
            "updated_at", new SearchQuery.Field(SearchQuery.Kind.TIME, c -> c.get("updatedAt")),
            "last_billing_attempt_error_type", new SearchQuery.Field(SearchQuery.Kind.STRING,
                    c -> c.get("lastBillingAttemptErrorType")));

    static final Map<String, SearchQuery.Field> GROUP_FIELDS = Map.of(
            "default", SearchQuery.words(g -> List.of(g.get("name"), g.get("merchantCode"),
                    String.valueOf(g.get("description")))),
            "id", new SearchQuery.Field(SearchQuery.Kind.ID, g -> g.get("id")),
            "name", new SearchQuery.Field(SearchQuery.Kind.STRING, g -> g.get("name")),
            "created_at", new SearchQuery.Field(SearchQuery.Kind.TIME, g -> g.get("createdAt")),
            "category", new SearchQuery.Field(SearchQuery.Kind.STRING, ShopData::categories),
            "app_id", new SearchQuery.Field(SearchQuery.Kind.STRING, g -> List.of("current", "all")));

    private static Object skus(Map<String, Object> product) {
        List<Object> skus = new ArrayList<>();
        for (Object variant : (List<?>) product.get("_variants")) {
            skus.add(((Map<?, ?>) variant).get("sku"));
        }
        return skus;
    }

    @SuppressWarnings("unchecked")
    private static Object categories(Map<String, Object> group) {
        List<Object> categories = new ArrayList<>();
        for (Map<String, Object> plan : (List<Map<String, Object>>) group.get("sellingPlans")) {
            categories.add(plan.get("category"));
        }
        return categories;
    }

    static Set<Long> newIdSet() {
        return new LinkedHashSet<>();
    }
}
