package com.lavish.shopifyfake.admin;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Shopify's search syntax (https://shopify.dev/api/usage/search-syntax) as far as the suite uses it:
 * {@code field:value}, comparisons {@code field:>value}, {@code :>=}, {@code :<}, {@code :<=}, values quoted with
 * {@code '} or {@code "}, {@code -field:value} or {@code NOT field:value} to negate, terms joined by spaces or
 * {@code AND}, groups by {@code OR}, and bare words for the "default" field (a case-insensitive search of several
 * fields). Times compare as instants ({@code updated_at:>'2026-01-01T00:00:00Z'}; a bare date means its start),
 * ids as numbers (a gid or a number).
 * <p>
 * As Shopify does, a field the resource does not filter on is ignored and reported as a warning
 * ({@link #warnings}), so a query on an unknown field matches as if the term were absent.
 */
final class SearchQuery {

    enum Kind {
        STRING,
        TIME,
        ID,
        DEFAULT
    }

    /** A filterable field of a resource: its kind and how to read it from an entity. */
    record Field<T>(Kind kind, Function<? super T, Object> read) {}

    record Term(String field, String op, String value, boolean negated) {}

    private final String text;
    private final List<List<Term>> groups;
    private final List<String> unknownFields = new ArrayList<>();

    private SearchQuery(String text, List<List<Term>> groups) {
        this.text = text;
        this.groups = groups;
    }

    static SearchQuery parse(String text) {
        List<List<Term>> groups = new ArrayList<>();
        List<Term> current = new ArrayList<>();
        groups.add(current);
        if (text != null) {
            boolean negateNext = false;
            for (String token : tokens(text)) {
                if (token.equals("OR")) {
                    current = new ArrayList<>();
                    groups.add(current);
                    continue;
                }
                if (token.equals("AND")) {
                    continue;
                }
                if (token.equals("NOT")) {
                    negateNext = true;
                    continue;
                }
                boolean negated = negateNext;
                negateNext = false;
                if (token.startsWith("-") && token.length() > 1) {
                    negated = !negated;
                    token = token.substring(1);
                }
                current.add(term(token, negated));
            }
        }
        return new SearchQuery(text, groups);
    }

    private static Term term(String token, boolean negated) {
        int colon = token.indexOf(':');
        if (colon <= 0 || token.startsWith("\"") || token.startsWith("'")) {
            return new Term(null, ":", unquote(token), negated);
        }
        String field = token.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = token.substring(colon + 1);
        String op = ":";
        for (String comparison : List.of(">=", "<=", ">", "<")) {
            if (rest.startsWith(comparison)) {
                op = comparison;
                rest = rest.substring(comparison.length());
                break;
            }
        }
        return new Term(field, op, unquote(rest), negated);
    }

    // Splits on spaces outside quotes; quotes stay in the token (removed by unquote).
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        char quote = 0;
        for (char c : text.toCharArray()) {
            if (quote != 0) {
                token.append(c);
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                token.append(c);
            } else if (Character.isWhitespace(c)) {
                if (!token.isEmpty()) {
                    tokens.add(token.toString());
                    token.setLength(0);
                }
            } else {
                token.append(c);
            }
        }
        if (!token.isEmpty()) {
            tokens.add(token.toString());
        }
        return tokens;
    }

    private static String unquote(String value) {
        if (value.length() >= 2
                && (value.startsWith("'") && value.endsWith("'") || value.startsWith("\"") && value.endsWith("\""))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    /** The entities that match, in their order; unknown fields are remembered for {@link #warnings}. */
    <T> List<T> filter(List<T> entities, Map<String, Field<T>> fields) {
        Set<String> known = fields.keySet();
        for (List<Term> group : groups) {
            for (Term term : group) {
                String name = term.field() == null ? "default" : term.field();
                if (!known.contains(name) && !unknownFields.contains(name)) {
                    unknownFields.add(name);
                }
            }
        }
        return entities.stream().filter(entity -> matches(entity, fields)).toList();
    }

    private <T> boolean matches(T entity, Map<String, Field<T>> fields) {
        for (List<Term> group : groups) {
            boolean all = true;
            for (Term term : group) {
                Field<T> field = fields.get(term.field() == null ? "default" : term.field());
                if (field == null) {
                    continue;
                }
                boolean match = matches(field, field.read().apply(entity), term);
                if (match == term.negated()) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(Field<?> field, Object actual, Term term) {
        if (actual instanceof List<?> values) {
            return values.stream().anyMatch(v -> matches(field, v, term));
        }
        if (actual == null) {
            return false;
        }
        return switch (field.kind()) {
            case TIME -> compare(instant(actual.toString()).compareTo(instant(term.value())), term.op());
            case ID -> compare(Long.compare(Gids.number(actual.toString()), Gids.number(term.value())), term.op());
            case STRING, DEFAULT -> stringMatch(actual.toString(), term);
        };
    }

    private static boolean stringMatch(String actual, Term term) {
        String a = actual.toLowerCase(Locale.ROOT);
        String v = term.value().toLowerCase(Locale.ROOT);
        if (!term.op().equals(":")) {
            return compare(a.compareTo(v), term.op());
        }
        if (v.endsWith("*")) {
            return a.startsWith(v.substring(0, v.length() - 1));
        }
        // a comma-separated value lists alternatives (handle:a,b); the default field matches words within
        for (String alternative : v.split(",")) {
            if (a.equals(alternative) || alternative.equals("*")) {
                return true;
            }
        }
        return false;
    }

    private static boolean compare(int comparison, String op) {
        return switch (op) {
            case ">" -> comparison > 0;
            case ">=" -> comparison >= 0;
            case "<" -> comparison < 0;
            case "<=" -> comparison <= 0;
            default -> comparison == 0;
        };
    }

    static OffsetDateTime instant(String value) {
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(value).atStartOfDay().atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not a time: '" + value + "'");
            }
        }
    }

    /**
     * Shopify's {@code extensions.search} entry for this query when it named fields the resource does not filter on,
     * else null.
     */
    Map<String, Object> warnings(List<Object> path) {
        if (unknownFields.isEmpty()) {
            return null;
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("path", path);
        entry.put("query", text);
        entry.put(
                "warnings",
                unknownFields.stream()
                        .map(f -> Map.of("field", f, "message", "Invalid search field for this query."))
                        .toList());
        return entry;
    }

    /** A string field for the "default" search: matches when the word occurs in any of the values. */
    static <T> Field<T> words(Function<T, List<Object>> values) {
        return new Field<T>(Kind.DEFAULT, entity -> {
            List<Object> words = new ArrayList<>();
            for (Object value : values.apply(entity)) {
                if (value != null) {
                    words.add(value.toString());
                    for (String word : value.toString().split("[\\s\\-_,.@]+")) {
                        words.add(word);
                    }
                }
            }
            return words;
        });
    }
}
