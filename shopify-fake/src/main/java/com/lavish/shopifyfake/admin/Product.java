package com.lavish.shopifyfake.admin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** A product of the catalogue with its variants, in position order. */
final class Product extends Entity {

    private final List<ProductVariant> variants = new ArrayList<>();

    private Product(long id) {
        super("Product", id);
    }

    /** A product with its variants ({title, sku, price} each), active, updated now; stored in the shop. */
    static Product create(ShopData shop, String title, String handle, String productType, String[][] variantSpecs) {
        Product product = shop.add(new Product(shop.nextId("Product")));
        long productId = product.id();
        String now = shop.nowText();
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
        int position = 1;
        for (String[] spec : variantSpecs) {
            ProductVariant variant = shop.add(new ProductVariant(shop.nextId("ProductVariant"), productId));
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
            variant.put("product", (Supplier<Object>) () -> shop.products.get(productId));
            variant.put("sellingPlanGroups", (Supplier<Object>) () -> shop.groupsOf(productId));
            variant.put("sellingPlanGroupsCount", (Supplier<Object>)
                    () -> SchemaValues.count(shop.groupsOf(productId).size()));
            shop.variants.put(variant.id(), variant);
            product.variants.add(variant);
        }
        product.put("variants", (Supplier<Object>) product::variants);
        product.put("variantsCount", (Supplier<Object>) () -> SchemaValues.count(product.variants.size()));
        product.put("sellingPlanGroups", (Supplier<Object>) () -> shop.groupsOf(productId));
        product.put("sellingPlanGroupsCount", (Supplier<Object>)
                () -> SchemaValues.count(shop.groupsOf(productId).size()));
        shop.products.put(productId, product);
        return product;
    }

    /** The variants; the schema's {@code variants} field serves this same list. */
    List<ProductVariant> variants() {
        return variants;
    }

    String title() {
        return (String) get("title");
    }

    String handle() {
        return (String) get("handle");
    }

    @SuppressWarnings("unchecked")
    List<String> tags() {
        return (List<String>) get("tags");
    }
}
