package com.lavish.sync.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Admin API documents from the classpath: an operation from {@code shopify/admin/operations/}, followed
 * by every fragment it spreads (transitively) from {@code shopify/admin/selections/<Fragment>.graphql}. The node
 * selections that reconciliation publishes live there once, for the paginated queries, the bulk queries and
 * CONTRACT_FETCH alike.
 */
public final class AdminDocuments {

    static final String ROOT = "shopify/admin/";
    private static final Pattern SPREAD = Pattern.compile("\\.\\.\\.\\s*([A-Z][A-Za-z0-9_]*)");
    private static final Map<AdminOperation, String> DOCUMENTS = new EnumMap<>(AdminOperation.class);

    private AdminDocuments() {}

    static synchronized String document(AdminOperation operation) {
        return DOCUMENTS.computeIfAbsent(
                operation, op -> withFragments(read(ROOT + "operations/" + op.documentName() + ".graphql")));
    }

    /** The named fragment and the fragments it spreads, each once. */
    public static String fragments(String fragment) {
        Set<String> names = new LinkedHashSet<>();
        collect(read(selection(fragment)), names);
        StringBuilder text = new StringBuilder(read(selection(fragment)));
        names.remove(fragment);
        for (String name : names) {
            text.append('\n').append(read(selection(name)));
        }
        return text.toString();
    }

    private static String withFragments(String operation) {
        Set<String> names = new LinkedHashSet<>();
        collect(operation, names);
        StringBuilder text = new StringBuilder(operation);
        for (String name : names) {
            text.append('\n').append(read(selection(name)));
        }
        return text.toString();
    }

    private static void collect(String text, Set<String> names) {
        Matcher spread = SPREAD.matcher(text);
        while (spread.find()) {
            // "... on Type" is an inline fragment, not a spread
            String name = spread.group(1);
            if (names.add(name)) {
                collect(read(selection(name)), names);
            }
        }
    }

    private static String selection(String fragment) {
        return ROOT + "selections/" + fragment + ".graphql";
    }

    private static String read(String resource) {
        try (InputStream in = AdminDocuments.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no GraphQL document " + resource + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
