package com.lavish.shopifyfake.admin;

/** Shopify's global ids, {@code gid://shopify/<Type>/<number>}, with 64-bit numbers. */
public final class Gids {

    private static final String PREFIX = "gid://shopify/";

    private Gids() {}

    public static String of(String type, long id) {
        return PREFIX + type + "/" + Long.toUnsignedString(id);
    }

    /** The type of a gid ({@code Product}), or null when the value is not a gid. */
    public static String type(String gid) {
        if (gid == null || !gid.startsWith(PREFIX)) {
            return null;
        }
        int slash = gid.indexOf('/', PREFIX.length());
        return slash < 0 ? null : gid.substring(PREFIX.length(), slash);
    }

    /**
     * The number of a gid, or of a plain number; 0 when there is none. Query parameters after the number
     * ({@code ?key=...}) are ignored.
     */
    public static long number(String gidOrNumber) {
        if (gidOrNumber == null) {
            return 0;
        }
        String text = gidOrNumber;
        int slash = text.lastIndexOf('/');
        if (slash >= 0) {
            text = text.substring(slash + 1);
        }
        int query = text.indexOf('?');
        if (query >= 0) {
            text = text.substring(0, query);
        }
        try {
            return Long.parseUnsignedLong(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
