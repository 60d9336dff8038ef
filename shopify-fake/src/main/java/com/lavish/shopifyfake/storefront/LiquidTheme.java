package com.lavish.shopifyfake.storefront;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liqp.Template;
import liqp.TemplateContext;
import liqp.TemplateParser;
import liqp.blocks.Block;
import liqp.filters.Filter;
import liqp.nodes.LNode;
import liqp.parser.Flavor;
import liqp.tags.Tag;

/**
 * The Liquid of the theme app extension as Shopify renders it, as far as our blocks use it: liqp's standard Liquid
 * plus Shopify's {@code money}, {@code t} (the extension's locales, with named arguments and a fallback to the
 * default locale), {@code asset_url}, the {@code render} tag (a snippet with named arguments) and the
 * {@code schema} block (settings for the theme editor, never output). {@code x == blank} is true for nil, false and
 * an empty string or list, as in Shopify (liqp would compare with a value that equals nothing): the source is rewritten
 * to liqp's own tests before it is parsed. Templates are re-read when their file changes, so an edit to a block shows
 * on the next page load.
 */
final class LiquidTheme {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SCHEMA =
            Pattern.compile("\\{%-?\\s*schema\\s*-?%}(.*?)\\{%-?\\s*endschema\\s*-?%}", Pattern.DOTALL);
    /** {@code x == blank} and {@code x != blank}: liqp compares with blank as with any value, Shopify tests blankness. */
    private static final Pattern BLANK_TEST = Pattern.compile("([\\w.\\[\\]'\"-]+)\\s*(==|!=)\\s*blank\\b");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");
    /** Where the fake serves the extension's assets; Shopify serves them from its CDN. */
    static final String ASSET_PATH = "/cdn/lavish/assets/";

    private final Path extension;
    private final TemplateParser parser;
    private final Map<Path, Parsed> templates = new ConcurrentHashMap<>();
    private final Map<String, Template> pages = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> locales = new ConcurrentHashMap<>();

    private record Parsed(long modified, Template template) {}

    LiquidTheme(Path extension) {
        this.extension = extension;
        this.parser = new TemplateParser.Builder()
                .withFlavor(Flavor.LIQUID)
                .withErrorMode(TemplateParser.ErrorMode.STRICT)
                .withShowExceptionsFromInclude(true)
                .withFilter(new Money())
                .withFilter(new Translate())
                .withFilter(new AssetUrl())
                .withTag(new Render())
                .withBlock(new Schema())
                .build();
    }

    Path extension() {
        return extension;
    }

    /** A block of the extension ({@code blocks/<name>.liquid}) with these objects. */
    String block(String name, Map<String, Object> objects) {
        return render(extension.resolve("blocks").resolve(name + ".liquid"), objects);
    }

    /** The {@code {% schema %}} of a block: its settings' defaults and its stylesheet. */
    JsonNode schema(String block) {
        Matcher schema = SCHEMA.matcher(read(extension.resolve("blocks").resolve(block + ".liquid")));
        if (!schema.find()) {
            throw new IllegalStateException("the block " + block + " has no schema");
        }
        try {
            return JSON.readTree(schema.group(1));
        } catch (IOException e) {
            throw new IllegalStateException("the schema of the block " + block + " is not JSON: " + e.getMessage(), e);
        }
    }

    /** A page of the fake's own theme (a classpath resource {@code storefront/<name>.liquid}) with these objects. */
    String page(String name, Map<String, Object> objects) {
        // the fake's own theme is in the jar and never changes while it runs: parsed once
        return pages.computeIfAbsent(name, this::parsePage).render(objects);
    }

    private Template parsePage(String name) {
        String resource = "storefront/" + name + ".liquid";
        try (InputStream in = LiquidTheme.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no theme page " + resource);
            }
            return parser.parse(shopifyBlank(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String render(Path file, Map<String, Object> objects) {
        return parsed(file).render(objects);
    }

    private Template parsed(Path file) {
        try {
            long modified = Files.getLastModifiedTime(file).toMillis();
            Parsed parsed = templates.get(file);
            if (parsed == null || parsed.modified() != modified) {
                parsed = new Parsed(modified, parser.parse(shopifyBlank(read(file))));
                templates.put(file, parsed);
            }
            return parsed.template();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static String shopifyBlank(String source) {
        return BLANK_TEST
                .matcher(source)
                .replaceAll(test -> Matcher.quoteReplacement(
                        test.group(2).equals("==")
                                ? "(" + test.group(1) + " == empty or " + test.group(1) + " == nil or " + test.group(1)
                                        + " == false)"
                                : "(" + test.group(1) + " != empty and " + test.group(1) + " != nil and "
                                        + test.group(1) + " != false)"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** A locale's texts ({@code locales/<iso>.json}, the default's when the locale has none), nested maps. */
    private Map<String, Object> locale(String iso) {
        return locales.computeIfAbsent(iso, code -> {
            Path file = extension.resolve("locales").resolve(code + ".json");
            if (!Files.exists(file)) {
                file = extension.resolve("locales").resolve("en.default.json");
            }
            try {
                return JSON.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {});
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static Object lookup(Object root, String path) {
        Object value = root;
        for (String part : path.split("\\.")) {
            if (!(value instanceof Map)) {
                return null;
            }
            value = ((Map<String, Object>) value).get(part);
        }
        return value;
    }

    // ---- Shopify's filters and tags ----

    /** {@code cents | money}: the shop's money format, here Lavish Library's "${{amount}}" (AUD). */
    private static final class Money extends Filter {
        Money() {
            super("money");
        }

        @Override
        public Object apply(Object value, TemplateContext context, Object... params) {
            if (value == null || value.toString().isBlank()) {
                return "";
            }
            BigDecimal cents = new BigDecimal(value.toString());
            DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
            return "$" + format.format(cents.movePointLeft(2).setScale(2, RoundingMode.HALF_UP));
        }
    }

    /**
     * {@code 'key' | t: name: value, ...}: the text in the request's locale ({@code request.locale.iso_code}),
     * else the default locale's, else the key itself (what Shopify shows for a missing translation);
     * {@code {{ name }}} placeholders are filled from the named arguments.
     */
    private final class Translate extends Filter {
        Translate() {
            super("t");
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object apply(Object value, TemplateContext context, Object... params) {
            String key = String.valueOf(value);
            Object iso = lookup(context.get("request"), "locale.iso_code");
            Object text = lookup(locale(iso == null ? "en" : iso.toString()), key);
            if (text == null) {
                text = lookup(locale("en"), key);
            }
            if (!(text instanceof String template)) {
                return "translation missing: " + key;
            }
            Map<String, Object> arguments = new HashMap<>();
            for (Object param : params) {
                if (param instanceof Map<?, ?> named) {
                    arguments.putAll((Map<String, Object>) named);
                }
            }
            Matcher placeholder = PLACEHOLDER.matcher(template);
            StringBuilder out = new StringBuilder();
            while (placeholder.find()) {
                Object argument = arguments.get(placeholder.group(1));
                placeholder.appendReplacement(
                        out, Matcher.quoteReplacement(argument == null ? "" : argument.toString()));
            }
            return placeholder.appendTail(out).toString();
        }
    }

    /** {@code 'file' | asset_url}: where the fake serves the extension's asset, versioned by its last change. */
    private final class AssetUrl extends Filter {
        AssetUrl() {
            super("asset_url");
        }

        @Override
        public Object apply(Object value, TemplateContext context, Object... params) {
            String name = String.valueOf(value);
            Path file = extension.resolve("assets").resolve(name);
            long version;
            try {
                version = Files.getLastModifiedTime(file).toMillis();
            } catch (IOException e) {
                version = 0;
            }
            return ASSET_PATH + name + "?v=" + version;
        }
    }

    /**
     * {@code {% render 'snippet', name: value, ... %}}: the snippet with those variables. liqp hands a custom tag its
     * parameters as tokens; a value is a quoted string, a number, true/false/nil, or a variable path.
     */
    private final class Render extends Tag {
        Render() {
            super("render");
        }

        @Override
        public Object render(TemplateContext context, LNode... nodes) {
            List<String> tokens = new ArrayList<>();
            for (LNode node : nodes) {
                tokens.add(String.valueOf(node.render(context)));
            }
            if (tokens.isEmpty()) {
                throw new IllegalArgumentException("render needs a snippet name");
            }
            String snippet = unquote(tokens.get(0));
            Map<String, Object> variables = new HashMap<>();
            String name = null;
            StringBuilder expression = new StringBuilder();
            for (String token : tokens.subList(1, tokens.size())) {
                if (token.equals(",")) {
                    if (name != null) {
                        variables.put(name, value(expression.toString(), context));
                    }
                    name = null;
                    expression.setLength(0);
                } else if (token.equals(":") && name == null) {
                    name = expression.toString();
                    expression.setLength(0);
                } else {
                    expression.append(token);
                }
            }
            if (name != null) {
                variables.put(name, value(expression.toString(), context));
            }
            Template template = parsed(extension.resolve("snippets").resolve(snippet + ".liquid"));
            return template.renderToObjectUnguarded(variables, context, true);
        }

        private Object value(String expression, TemplateContext context) {
            if (expression.startsWith("'") || expression.startsWith("\"")) {
                return unquote(expression);
            }
            if (expression.matches("-?\\d+(\\.\\d+)?")) {
                return new BigDecimal(expression);
            }
            return switch (expression) {
                case "true" -> true;
                case "false" -> false;
                case "nil", "null" -> null;
                default -> {
                    int dot = expression.indexOf('.');
                    Object root = context.get(dot < 0 ? expression : expression.substring(0, dot));
                    yield dot < 0 ? root : lookup(root, expression.substring(dot + 1));
                }
            };
        }

        private static String unquote(String text) {
            return text.length() >= 2 && (text.startsWith("'") || text.startsWith("\""))
                    ? text.substring(1, text.length() - 1)
                    : text;
        }
    }

    /** {@code {% schema %}...{% endschema %}}: for the theme editor; a page shows nothing of it. */
    private static final class Schema extends Block {
        Schema() {
            super("schema");
        }

        @Override
        public Object render(TemplateContext context, LNode... nodes) {
            return "";
        }
    }
}
