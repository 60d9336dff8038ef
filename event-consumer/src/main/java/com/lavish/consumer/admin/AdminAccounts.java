package com.lavish.consumer.admin;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

/**
 * The admin users and the check of a password presented for one (ADR 0006). Each stored hash is bcrypt in Modular
 * Crypt Format, read once here, so a service with a malformed or too cheap hash does not start; a password is checked
 * by WildFly Elytron's bcrypt, the implementation Quarkus' own security extensions use.
 *
 * <p>A check is deliberately slow (cost 12: about a third of a second of one core) and blocks, so callers run it off
 * the event loop. A name nobody has is checked against a dummy hash of the highest cost configured: an unknown user
 * costs as much as a wrong password, and the time of the answer does not tell which names exist.
 */
final class AdminAccounts {

    /** The cost of the hashes tools/admin-password-hash makes, and of the dummy hash when there are no users. */
    static final int COST = 12;

    private static final String BCRYPT_PREFIX = "$2a$";
    /** OpenBSD's (and Python's, Go's) tag: the same hash as {@code $2a$} for any password up to bcrypt's 72 bytes. */
    private static final String OPENBSD_PREFIX = "$2b$";

    private record Account(Password hash, Set<String> roles) {}

    private final PasswordFactory bcrypt;
    private final Map<String, Account> accounts = new HashMap<>();
    private final Password unknownUser;

    /**
     * @param minCost the lowest bcrypt cost accepted ({@code admin.password-min-cost}): tests use cheaper hashes than
     *                production ever should
     * @throws IllegalArgumentException naming the user (never the hash) when a hash is not bcrypt or too cheap
     */
    AdminAccounts(Map<String, AdminConfig.User> users, int minCost) {
        try {
            bcrypt = PasswordFactory.getInstance(
                    BCryptPassword.ALGORITHM_BCRYPT, WildFlyElytronPasswordProvider.getInstance());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("WildFly Elytron's bcrypt is not on the classpath", e);
        }
        int highestCost = 0;
        for (Map.Entry<String, AdminConfig.User> user : users.entrySet()) {
            BCryptPassword hash = decode(user.getKey(), user.getValue().passwordHash());
            if (hash.getIterationCount() < minCost) {
                throw new IllegalArgumentException(
                        "admin.users.\"" + user.getKey() + "\".password-hash has bcrypt cost "
                                + hash.getIterationCount() + ", below admin.password-min-cost (" + minCost
                                + "): make a new one with tools/admin-password-hash");
            }
            highestCost = Math.max(highestCost, hash.getIterationCount());
            accounts.put(
                    user.getKey(),
                    new Account(translate(hash), Set.copyOf(user.getValue().roles())));
        }
        unknownUser = translate(dummy(highestCost == 0 ? COST : highestCost));
    }

    int size() {
        return accounts.size();
    }

    /**
     * The user's roles when the password is theirs; empty for a wrong password and for a user nobody has, after the
     * same work. Blocks for as long as bcrypt takes.
     */
    Optional<Set<String>> verify(String user, char[] password) {
        Account account = accounts.get(user);
        boolean matches;
        try {
            matches = bcrypt.verify(account == null ? unknownUser : account.hash(), password);
        } catch (InvalidKeyException e) {
            matches = false;
        }
        return account != null && matches ? Optional.of(account.roles()) : Optional.empty();
    }

    private static BCryptPassword decode(String user, String hash) {
        String mcf = hash.trim();
        if (mcf.startsWith(OPENBSD_PREFIX)) {
            // Elytron reads $2a$ (and $2y$) only
            mcf = BCRYPT_PREFIX + mcf.substring(OPENBSD_PREFIX.length());
        }
        try {
            if (ModularCrypt.decode(mcf) instanceof BCryptPassword bcrypt) {
                return bcrypt;
            }
        } catch (InvalidKeySpecException | RuntimeException e) {
            // the same answer as any other hash that is not bcrypt, below
        }
        throw new IllegalArgumentException("admin.users.\"" + user + "\".password-hash is not a bcrypt hash in Modular "
                + "Crypt Format ($2a$12$ and 53 more characters): make one with tools/admin-password-hash");
    }

    private Password translate(BCryptPassword hash) {
        try {
            return bcrypt.translate(hash);
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("a bcrypt hash Elytron cannot use", e);
        }
    }

    /** A hash of no password: random salt and digest, so checking against it costs what a real one does. */
    private static BCryptPassword dummy(int cost) {
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[BCryptPassword.BCRYPT_SALT_SIZE];
        byte[] digest = new byte[BCryptPassword.BCRYPT_HASH_SIZE];
        random.nextBytes(salt);
        random.nextBytes(digest);
        return BCryptPassword.createRaw(BCryptPassword.ALGORITHM_BCRYPT, digest, salt, cost);
    }
}
