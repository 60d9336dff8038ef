package com.lavish.notifications.rest;

import com.lavish.edge.problem.Problem;
import com.lavish.edge.problem.ProblemException;
import com.lavish.edge.problem.QueryNumbers;
import com.lavish.notifications.service.NotificationTemplates;
import com.lavish.notifications.service.ReminderChoices;
import com.lavish.notifications.service.UnsubscribeLinks;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code GET /notifications/unsubscribe?shop=&customer=&signature=}: the link in every reminder, opened without a
 * login. Public, outside {@code /proxy}: the link is followed from a mail client, never through Shopify's app proxy,
 * so it carries its own signature ({@link UnsubscribeLinks}) instead of the proxy's. Stops reminders and nothing
 * else; opening it again answers the same page. A signature that is not this customer's is 403.
 */
@Path(UnsubscribeLinks.PATH)
public class UnsubscribeResource {

    private final UnsubscribeLinks links;
    private final ReminderChoices choices;
    private final NotificationTemplates templates;
    private final Template page;

    public UnsubscribeResource(
            UnsubscribeLinks links,
            ReminderChoices choices,
            NotificationTemplates templates,
            @Location("notification/unsubscribed.html") Template page) {
        this.links = links;
        this.choices = choices;
        this.templates = templates;
        this.page = page;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> unsubscribe(
            @RestQuery String shop, @RestQuery("customer") String customerParameter, @RestQuery String signature) {
        if (shop == null || shop.isBlank()) {
            throw ProblemException.badRequest("shop", "shop is the shop's domain, as in the link");
        }
        long customer = QueryNumbers.required(
                customerParameter,
                "customer",
                1,
                Long.MAX_VALUE,
                "customer is the numeric customer id, as in the link");
        if (!links.verify(shop, customer, signature)) {
            throw new ProblemException(Problem.of(
                    403,
                    "Forbidden",
                    "the link's signature does not match: use the link from the email as it was sent"));
        }
        return choices.unsubscribe(shop, customer)
                .map(done -> Response.ok(
                                page.data("shopName", templates.shopName(shop)).render())
                        .header("Cache-Control", "no-store")
                        .header("Referrer-Policy", "no-referrer")
                        .build());
    }
}
