package com.lavish.shopifyfake.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One shop's resources: products and variants (a seed catalogue of book boxes in AUD), selling plan groups and plans,
 * customers, orders, subscription contracts with their lines and payment methods, drafts, billing attempts and bulk
 * operations. Each is an {@link Entity}: the schema document GraphQL serves, and the fake's own bookkeeping in typed
 * fields.
 * <p>
 * Everything that reads or changes a shop holds {@link #lock()}: a GraphQL request runs whole under it, so a
 * request sees one consistent state, as on Shopify.
 */
public final class ShopData {

    static final String TYPENAME = AdminWiring.TYPENAME;

    private final String domain;
    private final AdminStore store;
    private final ReentrantLock lock = new ReentrantLock();

    final Map<Long, Product> products = new TreeMap<>();
    final Map<Long, ProductVariant> variants = new TreeMap<>();
    final Map<Long, SellingPlanGroup> groups = new TreeMap<>();
    final Map<Long, Customer> customers = new TreeMap<>();
    final Map<Long, Order> orders = new TreeMap<>();
    final Map<Long, SubscriptionContract> contracts = new TreeMap<>();
    final Map<Long, SubscriptionDraft> drafts = new TreeMap<>();
    final Map<Long, SubscriptionBillingAttempt> attempts = new TreeMap<>();
    final Map<Long, BulkOperation> bulkOperations = new TreeMap<>();
    final Map<Long, CustomerPaymentMethod> paymentMethods = new TreeMap<>();
    /** The update emails customerPaymentMethodSendUpdateEmail asked for, oldest first: recorded, never sent. */
    final List<CustomerPaymentMethods.UpdateEmail> paymentMethodEmails = new ArrayList<>();
    /** Each customer's orders as customers/purchasing_summary counts them (the Admin API's and the trigger's). */
    final CustomerSalesHistory sales = new CustomerSalesHistory();
    /** Every object with an id, by gid: node(id), nodes(ids) and the typed finders. */
    private final Map<String, Entity> entities = new LinkedHashMap<>();
    /** Billing failures scripted per contract id. */
    final Map<Long, BillingScript> billingScripts = new LinkedHashMap<>();

    private long orderNumber = 1001;

    /** How the next billing attempts of a contract fail: {@code failures} times (negative: always), then succeed. */
    record BillingScript(String errorCode, int failures) {}

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

    /** A fresh id for a new object of this type. */
    long nextId(String type) {
        return store.nextId(type);
    }

    /** Registers an entity for node lookups (again, for a working copy that takes the stored one's place). */
    <T extends Entity> T add(T entity) {
        entities.put(entity.gid(), entity);
        return entity;
    }

    void forget(String gid) {
        entities.remove(gid);
    }

    /** The entity with this gid, or null. */
    Entity node(String gid) {
        return entities.get(gid);
    }

    /** The entity with this gid if it is of this kind. */
    <T extends Entity> T find(Class<T> kind, String gid) {
        Entity entity = gid == null ? null : entities.get(gid);
        return kind.isInstance(entity) ? kind.cast(entity) : null;
    }

    // ---- catalogue ----

    private void seed() {
        product("Lavish Monthly Book Box", "lavish-monthly-book-box", "Book Box", new String[][] {
            {"One book", "LBB-MONTHLY-1", "29.95"}, {"Two books", "LBB-MONTHLY-2", "54.95"}
        });
        product("Lavish Kids Book Box", "lavish-kids-book-box", "Book Box", new String[][] {
            {"Ages 3-6", "LBB-KIDS-3-6", "24.95"}, {"Ages 7-12", "LBB-KIDS-7-12", "27.95"}
        });
        product("Crime & Thriller Book Box", "crime-thriller-book-box", "Book Box", new String[][] {
            {"One book", "LBB-CRIME-1", "32.50"}
        });
        product("Gift Wrap", "gift-wrap", "Accessory", new String[][] {{"Default Title", "LBB-GIFT-WRAP", "5.00"}});
        customer("ada.lovelace@example.com", "Ada", "Lovelace");
        customer("miles.franklin@example.com", "Miles", "Franklin");
    }

    /** Adds a product with its variants ({title, sku, price} each), active, updated now. */
    Product product(String title, String handle, String productType, String[][] variantSpecs) {
        return Product.create(this, title, handle, productType, variantSpecs);
    }

    List<SellingPlanGroup> groupsOf(long productId) {
        return groups.values().stream()
                .filter(g -> g.productIds().contains(productId))
                .toList();
    }

    /** The product was changed (a selling plan association): its updatedAt moves. */
    void touchProduct(long productId) {
        Product product = products.get(productId);
        if (product != null) {
            product.put("updatedAt", nowText());
        }
    }

    // ---- customers ----

    Customer customer(String email, String firstName, String lastName) {
        return Customer.create(this, store.nextId("Customer"), email, firstName, lastName);
    }

    /** A customer with a given id (a checkout names one the fake has not seen). */
    Customer customerWithId(long id, String email, String firstName, String lastName) {
        return Customer.create(this, id, email, firstName, lastName);
    }

    /**
     * The customer as a webhook the fake delivered named them (the trigger's customers/* samples): created with that
     * id when new, else given that email and name, so a later checkout's order names the same person.
     */
    Customer knowCustomer(long id, String email, String firstName, String lastName) {
        Customer known = customers.get(id);
        if (known == null) {
            return customerWithId(id, email, firstName, lastName);
        }
        known.rename(email, firstName, lastName, nowText());
        return known;
    }

    // ---- orders ----

    /** A paid order for a customer, numbered on from #1001; it joins the customer's sales history. */
    Order order(long customerId, List<Order.Line> lines, String sourceName) {
        Order order = Order.create(this, orderNumber++, customerId, lines, sourceName);
        sales.placed(order);
        return order;
    }

    /** customers/purchasing_summary for a customer, now (see {@link CustomerSalesHistory}). */
    ObjectNode purchasingSummary(long customerId) {
        return sales.summary(customerId, store.instant());
    }
}
