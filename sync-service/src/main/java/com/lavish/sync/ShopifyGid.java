package com.lavish.sync;

/**
 * Shopify's global ids ({@code gid://shopify/Product/123}) to and from the numeric ids the suite's events carry.
 */
public final class ShopifyGid {

    private static final String PREFIX = "gid://shopify/";

    private ShopifyGid() {}

    public static String of(String type, long id) {
        return PREFIX + type + "/" + id;
    }

    /**
     * The numeric id at the end of a gid ({@code ?} parameters ignored), or null for null, a non-numeric id (a
     * subscription line's) or no gid at all.
     */
    public static Long numericId(String gid) {
        if (gid == null || !gid.startsWith(PREFIX)) {
            return null;
        }
        int end = gid.indexOf('?');
        String path = end < 0 ? gid : gid.substring(0, end);
        String last = path.substring(path.lastIndexOf('/') + 1);
        try {
            return Long.parseLong(last);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The type part of a gid ({@code Product}), or null. */
    public static String type(String gid) {
        if (gid == null || !gid.startsWith(PREFIX)) {
            return null;
        }
        int slash = gid.indexOf('/', PREFIX.length());
        return slash < 0 ? null : gid.substring(PREFIX.length(), slash);
    }
}
