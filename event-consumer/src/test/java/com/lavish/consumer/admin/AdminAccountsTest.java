package com.lavish.consumer.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.elytron.security.common.BcryptUtil;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The admin users' stored hashes and the check of a password against them, without a service. */
class AdminAccountsTest {

    /** Cost 4, for tests only: a check takes a millisecond. */
    private static final int TEST_COST = 4;

    private record User(String passwordHash, Set<String> roles) implements AdminConfig.User {}

    private static AdminAccounts accounts(Map<String, String> hashes) {
        Map<String, AdminConfig.User> users = new HashMap<>();
        hashes.forEach((name, hash) -> users.put(name, new User(hash, Set.of(AdminRole.NAME))));
        return new AdminAccounts(users, TEST_COST);
    }

    @Test
    void eachUserIsLetInWithTheirOwnPasswordAndGetsTheirRoles() {
        AdminAccounts accounts = accounts(Map.of(
                "alice",
                BcryptUtil.bcryptHash("alice's passphrase", TEST_COST),
                "bob",
                BcryptUtil.bcryptHash("bob's passphrase", TEST_COST)));

        assertEquals(Optional.of(Set.of(AdminRole.NAME)), accounts.verify("alice", "alice's passphrase".toCharArray()));
        assertEquals(Optional.of(Set.of(AdminRole.NAME)), accounts.verify("bob", "bob's passphrase".toCharArray()));
    }

    @Test
    @Tag("security")
    void aWrongPasswordAnotherUsersPasswordAndAnUnknownUserAreAllRefused() {
        AdminAccounts accounts = accounts(Map.of(
                "alice",
                BcryptUtil.bcryptHash("alice's passphrase", TEST_COST),
                "bob",
                BcryptUtil.bcryptHash("bob's passphrase", TEST_COST)));

        assertEquals(Optional.empty(), accounts.verify("alice", "alice's passphrasf".toCharArray()));
        assertEquals(Optional.empty(), accounts.verify("alice", "bob's passphrase".toCharArray()));
        assertEquals(Optional.empty(), accounts.verify("carol", "alice's passphrase".toCharArray()));
        assertEquals(Optional.empty(), accounts.verify("alice", new char[0]));
    }

    @Test
    @Tag("security")
    void theStoredHashIsSaltedAndNeverThePassword() {
        String password = "alice's passphrase";
        String one = BcryptUtil.bcryptHash(password, AdminAccounts.COST);
        String two = BcryptUtil.bcryptHash(password, AdminAccounts.COST);

        assertTrue(one.startsWith("$2a$12$") && one.length() == 60, "bcrypt, cost 12, in Modular Crypt Format: " + one);
        assertFalse(one.contains(password));
        assertNotEquals(one, two, "a salt of its own in each hash");
        AdminAccounts accounts = accounts(Map.of("alice", one));
        assertTrue(accounts.verify("alice", password.toCharArray()).isPresent());
        assertEquals(Optional.empty(), accounts.verify("alice", one.toCharArray()), "the hash is not a password");
    }

    @Test
    void hashesOfOtherBcryptToolsAreRead() {
        // OpenWall's test vector for "U*U", as $2a$ and as OpenBSD's $2b$ and crypt_blowfish's $2y$ write it
        String digest = "05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW";
        for (String tag : new String[] {"$2a$", "$2b$", "$2y$"}) {
            AdminAccounts accounts =
                    new AdminAccounts(Map.of("alice", new User(tag + digest, Set.of(AdminRole.NAME))), TEST_COST);
            assertTrue(accounts.verify("alice", "U*U".toCharArray()).isPresent(), tag);
            assertFalse(accounts.verify("alice", "U*V".toCharArray()).isPresent(), tag);
        }
    }

    @Test
    @Tag("security")
    void aHashThatIsNotBcryptStopsTheStartAndIsNotRepeated() {
        // the unsalted SHA-256 digest of the embedded realm this replaced
        String digest = "4692994aef3cf35fa4ba92dc2cab69013c7df9d0f4964a61b54aa9e95a1b2d96";
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> accounts(Map.of("alice", digest)));
        assertTrue(refused.getMessage().contains("admin.users.\"alice\".password-hash"), refused.getMessage());
        assertFalse(refused.getMessage().contains(digest), "the message never repeats the hash");

        assertThrows(IllegalArgumentException.class, () -> accounts(Map.of("alice", "the password itself")));
        // Modular Crypt Format, but SHA-256 crypt rather than bcrypt
        assertThrows(
                IllegalArgumentException.class,
                () -> accounts(Map.of("alice", "$5$rounds=5000$saltsalt$Gbe1/0bQXWVM6vcZG.TByObLFmPCoPsH/4Ou6j9lvFC")));
    }

    @Test
    @Tag("security")
    void aHashCheaperThanTheMinimumStopsTheStart() {
        Map<String, AdminConfig.User> users = Map.of(
                "alice", new User(BcryptUtil.bcryptHash("alice's passphrase", TEST_COST), Set.of(AdminRole.NAME)));
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> new AdminAccounts(users, 10));
        assertTrue(refused.getMessage().contains("cost 4"), refused.getMessage());
    }

    @Test
    void withNoUsersEveryoneIsRefused() {
        AdminAccounts none = new AdminAccounts(Map.of(), 10);

        assertEquals(0, none.size());
        assertEquals(Optional.empty(), none.verify("admin", "anything".toCharArray()));
    }
}
