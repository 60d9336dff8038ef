package com.lavish.edge.security;

import com.lavish.edge.identity.StorefrontConfig;

/** The storefront's two ways in, by path: the app proxy ({@code /proxy/...}) and the direct API ({@code /api/...}). */
public final class StorefrontPaths {

    private final String proxyPrefix;
    private final String apiPrefix;

    public StorefrontPaths(StorefrontConfig config) {
        this.proxyPrefix = config.proxy().pathPrefix();
        this.apiPrefix = config.api().pathPrefix();
    }

    public boolean viaAppProxy(String path) {
        return under(path, proxyPrefix);
    }

    public boolean directApi(String path) {
        return under(path, apiPrefix);
    }

    public boolean storefront(String path) {
        return viaAppProxy(path) || directApi(path);
    }

    static boolean under(String path, String prefix) {
        return path != null
                && (path.startsWith(prefix)
                        || (prefix.endsWith("/") && path.equals(prefix.substring(0, prefix.length() - 1))));
    }
}
