package com.lavish.consumer.admin;

/**
 * The role of the admin credential (ADR 0006): {@code @RolesAllowed(AdminRole.NAME)} together with
 * {@code @BasicAuthentication} on every {@code /admin/...} resource, so the framework checks it and a storefront
 * session token never reaches one.
 */
public final class AdminRole {

    public static final String NAME = "admin";

    private AdminRole() {}

    /** Whether a (normalised) request path is one of the admin paths, {@code /admin} or below it. */
    public static boolean isAdminPath(String path) {
        return path.equals("/admin") || path.startsWith("/admin/");
    }
}
