package com.lavish.consumer.admin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** Who may use {@code /admin/...} and how guessing is held back: {@code admin.*} (ADR 0006). */
@ConfigMapping(prefix = "admin")
public interface AdminConfig {

    /**
     * The admin users by name: {@code admin.users."<name>".password-hash} and {@code .roles}. In production they come
     * from the environment only ({@code ADMIN_USERS_<NAME>_PASSWORD_HASH}, {@code ADMIN_USERS_<NAME>_ROLES}; the name
     * is read in lower case), so a name there is lower-case letters and digits. None configured: every admin request
     * is a 401.
     */
    Map<String, User> users();

    /**
     * The lowest bcrypt cost a stored hash may have; a cheaper one stops the start. Only the tests lower it, for
     * speed: a cost-4 hash is checked in a millisecond, and guessed as fast.
     */
    @WithDefault("10")
    int passwordMinCost();

    Login login();

    interface User {

        /**
         * bcrypt in Modular Crypt Format ({@code $2a$12$} and 53 characters of salt and hash), as
         * tools/admin-password-hash makes it; never the password.
         */
        String passwordHash();

        /** The roles the user is granted: {@code admin} ({@link AdminRole#NAME}) for the admin endpoints. */
        Set<String> roles();
    }

    /** Refused credentials are throttled per user name and per client address ({@link AdminLoginThrottle}). */
    interface Login {

        /** Refused credentials within the window after which the user, or the address, gets 429. */
        @WithDefault("10")
        int maxFailures();

        /** The window that begins with a subject's first refused credential. */
        @WithDefault("5m")
        Duration window();
    }
}
