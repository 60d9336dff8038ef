import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

/**
 * Makes and rotates PERSONAL_DATA_KEYSET values (ADR 0005) with Tink itself; run through keyset.sh. A keyset to change
 * is read from standard input, the result goes to standard output, and nothing else is printed there.
 */
public class PersonalDataKeyset {

    public static void main(String[] args) throws Exception {
        AeadConfig.register();
        String command = args.length > 0 ? args[0] : "help";
        switch (command) {
            case "new" -> print(KeysetHandle.newBuilder()
                    .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                            .withRandomId().makePrimary())
                    .build());
            case "add" -> print(KeysetHandle.newBuilder(read())
                    .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId())
                    .build());
            case "promote" -> {
                KeysetHandle keyset = read();
                KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset);
                builder.getAt(indexOf(keyset, keyId(args))).makePrimary();
                print(builder.build());
            }
            case "delete" -> {
                KeysetHandle keyset = read();
                KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset);
                int index = indexOf(keyset, keyId(args));
                if (keyset.getAt(index).isPrimary()) {
                    throw new IllegalArgumentException("the primary key cannot be deleted: promote another first");
                }
                builder.deleteAt(index);
                print(builder.build());
            }
            case "list" -> {
                KeysetHandle keyset = read();
                for (int i = 0; i < keyset.size(); i++) {
                    KeysetHandle.Entry entry = keyset.getAt(i);
                    System.out.printf("%s %s%s%n", Integer.toUnsignedString(entry.getId()), entry.getStatus(),
                            entry.isPrimary() ? " primary" : "");
                }
            }
            default -> {
                System.err.println("""
                        usage: keyset.sh new                        a keyset of one AES256_GCM key
                               keyset.sh add < keyset.json          the keyset and a new key, not primary yet
                               keyset.sh promote KEY_ID < keyset    the keyset with KEY_ID as primary
                               keyset.sh delete KEY_ID < keyset     the keyset without KEY_ID (not the primary)
                               keyset.sh list < keyset.json         key ids, status, which is primary""");
                System.exit(command.equals("help") ? 0 : 2);
            }
        }
    }

    private static int keyId(String[] args) {
        if (args.length < 2) {
            throw new IllegalArgumentException("name the key id (keyset.sh list shows them)");
        }
        return Integer.parseUnsignedInt(args[1]);
    }

    /** The key's place in the keyset, which a builder made from it keeps. */
    private static int indexOf(KeysetHandle keyset, int keyId) {
        for (int i = 0; i < keyset.size(); i++) {
            if (keyset.getAt(i).getId() == keyId) {
                return i;
            }
        }
        throw new IllegalArgumentException("no key " + Integer.toUnsignedString(keyId) + " in the keyset");
    }

    private static KeysetHandle read() throws IOException, GeneralSecurityException {
        try (InputStream in = System.in) {
            return TinkJsonProtoKeysetFormat.parseKeyset(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    InsecureSecretKeyAccess.get());
        }
    }

    private static void print(KeysetHandle keyset) throws GeneralSecurityException {
        System.out.println(TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()));
    }
}
