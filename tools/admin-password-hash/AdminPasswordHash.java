import java.io.Console;
import java.io.IOException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * Makes the bcrypt hash of an admin user's password (ADR 0006), the value of {@code ADMIN_USERS_<NAME>_PASSWORD_HASH}:
 * Modular Crypt Format, cost 12, with Quarkus' own BcryptUtil (WildFly Elytron), which the services verify with. Run
 * through hash.sh. The password is read from the terminal without echo (twice), or from standard input when that is
 * not a terminal; never from the command line, which the shell's history and {@code ps} would keep. The hash goes to
 * standard output, and nothing else is printed there.
 */
public class AdminPasswordHash {

    /** The cost the services expect of a production hash (they refuse one below admin.password-min-cost, 10). */
    private static final int COST = 12;
    /** bcrypt reads no further: a longer password would be cut without a word. */
    private static final int MAX_BYTES = 72;
    private static final int MIN_CHARACTERS = 12;

    public static void main(String[] args) throws IOException {
        if (args.length > 0) {
            System.err.println("""
                    usage: hash.sh                              asks for the password twice (no echo), prints its hash
                           printf '%s' "$password" | hash.sh    the same from standard input, for scripts
                    The hash is the value of ADMIN_USERS_<NAME>_PASSWORD_HASH (the Secret lavish-admin), next to
                    ADMIN_USERS_<NAME>_ROLES=admin; <NAME> is the user name, letters and digits.""");
            System.exit(args[0].equals("-h") || args[0].equals("--help") ? 0 : 2);
        }
        char[] password = read();
        try {
            String refusal = refusal(password);
            if (refusal != null) {
                System.err.println("hash.sh: " + refusal);
                System.exit(1);
            }
            System.out.println(BcryptUtil.bcryptHash(new String(password), COST));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static char[] read() throws IOException {
        Console console = System.console();
        if (console == null) {
            String input = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
            // a line from echo or a here-string ends in a newline that is not part of the password
            return (input.endsWith("\r\n") ? input.substring(0, input.length() - 2)
                    : input.endsWith("\n") ? input.substring(0, input.length() - 1) : input).toCharArray();
        }
        char[] first = console.readPassword("admin password: ");
        char[] second = console.readPassword("again: ");
        if (first == null || second == null || !Arrays.equals(first, second)) {
            System.err.println("hash.sh: the two passwords differ");
            System.exit(1);
        }
        Arrays.fill(second, '\0');
        return first;
    }

    /** Why the password will not do, or null. */
    private static String refusal(char[] password) {
        if (password.length < MIN_CHARACTERS) {
            return "the password is shorter than " + MIN_CHARACTERS + " characters; a passphrase of a few words is best";
        }
        if (StandardCharsets.UTF_8.encode(CharBuffer.wrap(password)).remaining() > MAX_BYTES) {
            return "bcrypt reads only the first " + MAX_BYTES + " bytes of a password; choose a shorter one";
        }
        return null;
    }
}
