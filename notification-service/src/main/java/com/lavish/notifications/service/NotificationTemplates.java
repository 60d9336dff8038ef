package com.lavish.notifications.service;

import com.lavish.events.subscription.SubscriptionEvent;
import com.lavish.events.subscription.SubscriptionEventType;
import com.lavish.notifications.config.NotificationsConfig;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the emails: the wording per kind and language from {@code notifications/messages_<lang>.properties} (each
 * value a small Qute template), laid out by the Qute templates {@code notification/email.html} (inside the shared
 * {@code notification/layout.html}) and {@code notification/email.txt}. Every email names the shop, greets the
 * customer by first name, shows the box, the date and the amount in the contract's currency as the language writes
 * them, and links to the account portal; a reminder adds its unsubscribe link.
 */
@ApplicationScoped
public class NotificationTemplates {

    private final Engine engine;
    private final Template html;
    private final Template text;
    private final NotificationsConfig config;
    private final UnsubscribeLinks unsubscribe;
    private final Map<EmailLocale, Properties> wording = new EnumMap<>(EmailLocale.class);
    private final Map<String, Template> parsed = new ConcurrentHashMap<>();

    public NotificationTemplates(
            Engine engine,
            @Location("notification/email.html") Template html,
            @Location("notification/email.txt") Template text,
            NotificationsConfig config,
            UnsubscribeLinks unsubscribe) {
        this.engine = engine;
        this.html = html;
        this.text = text;
        this.config = config;
        this.unsubscribe = unsubscribe;
        for (EmailLocale locale : EmailLocale.values()) {
            wording.put(locale, load("notifications/messages_" + locale.tag() + ".properties"));
        }
    }

    /** The subject of a kind of message to a shop, in a language: known before the message is queued. */
    public String subject(SubscriptionEventType kind, String shop, EmailLocale locale) {
        return phrase(locale, kind.name() + ".subject", Map.of("shopName", shopName(shop)));
    }

    /** The whole email for an event to a customer (whose first name may be unknown). */
    public RenderedEmail render(SubscriptionEvent event, String firstName, EmailLocale locale) {
        Map<String, Object> data = new HashMap<>();
        data.put("shopName", shopName(event.shop()));
        data.put("firstName", firstName);
        SubscriptionEvent.Contract contract = event.contract();
        SubscriptionEvent.Billing billing = event.billing();
        String currency = billing != null && billing.currency() != null
                ? billing.currency()
                : contract != null ? contract.currency() : null;
        data.put(
                "plan", contract != null && contract.planName() != null ? contract.planName() : shopName(event.shop()));
        data.put(
                "date",
                locale.date(
                        billing != null && billing.billingDate() != null
                                ? billing.billingDate()
                                : contract != null ? contract.nextBillingDate() : null));
        data.put(
                "amount",
                locale.money(
                        billing != null && billing.amount() != null ? billing.amount() : boxTotal(contract), currency));
        data.put(
                "nextRetry",
                event.dunning() != null ? locale.date(event.dunning().nextRetryAt()) : null);
        data.put(
                "cancelled",
                event.dunning() != null && "cancelled".equals(event.dunning().outcome()));

        String kind = event.type().name();
        Map<String, Object> page = new HashMap<>(data);
        page.put("lang", locale.tag());
        page.put("subject", phrase(locale, kind + ".subject", data));
        page.put("headline", phrase(locale, kind + ".headline", data));
        page.put("body", phrase(locale, kind + ".body", data));
        page.put(
                "greeting",
                firstName == null || firstName.isBlank()
                        ? phrase(locale, "greeting.anonymous", data)
                        : phrase(locale, "greeting", data));
        page.put("lines", lines(contract, currency, locale));
        page.put("boxLabel", phrase(locale, "box", data));
        page.put("dateLabel", phrase(locale, "date", data));
        page.put("amountLabel", phrase(locale, "amount", data));
        page.put("accountLabel", phrase(locale, "account", data));
        page.put("accountUrl", config.accountUrl().replace("{shop}", event.shop()));
        page.put("signature", phrase(locale, "signature", data));
        if (event.type().reminder()) {
            page.put("unsubscribeUrl", unsubscribe.url(event.shop(), event.customerId()));
            page.put("unsubscribeLabel", phrase(locale, "unsubscribe", data));
            page.put("unsubscribeNote", phrase(locale, "unsubscribe.note", data));
        } else {
            page.put("unsubscribeUrl", null);
        }
        return new RenderedEmail((String) page.get("subject"), render(html, page), render(text, page));
    }

    /** The shop's name as configured, or made from its domain: lavish-library.myshopify.com is "Lavish Library". */
    public String shopName(String shop) {
        NotificationsConfig.Shop configured = config.shops().get(shop);
        if (configured != null && configured.name().isPresent()) {
            return configured.name().get();
        }
        String label = shop.split("\\.")[0];
        List<String> words = new ArrayList<>();
        for (String word : label.split("-")) {
            if (!word.isEmpty()) {
                words.add(word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1));
            }
        }
        return String.join(" ", words);
    }

    /** A line of the box as the templates show it. */
    @TemplateData
    public record BoxLine(int quantity, String title, String variantTitle, String price) {}

    /** What one box costs, when no billing says it: the lines' prices times their quantities. */
    private static BigDecimal boxTotal(SubscriptionEvent.Contract contract) {
        if (contract == null || contract.lines() == null || contract.lines().isEmpty()) {
            return null;
        }
        return contract.lines().stream()
                .filter(line -> line.price() != null)
                .map(line -> line.price().multiply(BigDecimal.valueOf(line.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static List<BoxLine> lines(SubscriptionEvent.Contract contract, String currency, EmailLocale locale) {
        if (contract == null || contract.lines() == null) {
            return List.of();
        }
        return contract.lines().stream()
                .map(line -> new BoxLine(
                        line.quantity(), line.title(), line.variantTitle(), locale.money(line.price(), currency)))
                .toList();
    }

    private String phrase(EmailLocale locale, String key, Map<String, Object> data) {
        String source =
                wording.get(locale).getProperty(key, wording.get(EmailLocale.EN).getProperty(key));
        if (source == null) {
            throw new IllegalStateException("no wording for " + key);
        }
        Template template = parsed.computeIfAbsent(locale.tag() + "/" + key, k -> engine.parse(source));
        return render(template, data);
    }

    /** Every name bound, null ones too: Qute's strict rendering refuses a name it cannot find. */
    private static String render(Template template, Map<String, Object> data) {
        TemplateInstance instance = template.instance();
        data.forEach(instance::data);
        return instance.render();
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
