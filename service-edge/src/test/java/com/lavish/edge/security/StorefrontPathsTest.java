package com.lavish.edge.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StorefrontPathsTest {

    @Test
    void aPrefixCoversItsPathsAndItselfWithoutTheSlashButNoLookalike() {
        assertTrue(StorefrontPaths.under("/proxy/customers/me", "/proxy/"));
        assertTrue(StorefrontPaths.under("/proxy", "/proxy/"));
        assertFalse(StorefrontPaths.under("/proxyish/customers", "/proxy/"));
        assertFalse(StorefrontPaths.under("/admin/api/x", "/api/"));
        assertFalse(StorefrontPaths.under(null, "/api/"));
    }
}
