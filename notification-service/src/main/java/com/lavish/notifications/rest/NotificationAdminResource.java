package com.lavish.notifications.rest;

import com.lavish.consumer.admin.AdminRole;
import com.lavish.edge.problem.ProblemException;
import com.lavish.edge.problem.QueryNumbers;
import com.lavish.notifications.service.MessageSender;
import com.lavish.notifications.service.NotificationLog;
import io.quarkus.vertx.http.runtime.security.annotation.BasicAuthentication;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The admin's view of the emails: {@code GET /admin/notifications?shop=&customer=} lists what a customer was sent,
 * newest first; {@code POST /admin/notifications/{id}/resend} queues one more send of a message. Admin credential only
 * (ADR 0006).
 */
@Path("/admin/notifications")
@BasicAuthentication
@RolesAllowed(AdminRole.NAME)
public class NotificationAdminResource {

    private final NotificationLog log;
    private final MessageSender sender;

    public NotificationAdminResource(NotificationLog log, MessageSender sender) {
        this.log = log;
        this.sender = sender;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<List<NotificationEntry>> list(@RestQuery String shop, @RestQuery("customer") String customerParameter) {
        if (shop == null || shop.isBlank()) {
            throw ProblemException.badRequest("shop", "shop is the shop's domain, for example example.myshopify.com");
        }
        long customer = QueryNumbers.required(
                customerParameter, "customer", 1, Long.MAX_VALUE, "customer is Shopify's numeric customer id");
        return log.ofCustomer(shop, customer)
                .map(messages -> messages.stream().map(NotificationEntry::of).toList());
    }

    /** 202: the resend is queued and goes out as the sender reaches it. */
    @POST
    @Path("{id}/resend")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> resend(@RestPath("id") String idParameter) {
        long id = QueryNumbers.required(idParameter, "id", 1, Long.MAX_VALUE, "id is a message id from the list");
        return log.resend(id).chain(resend -> {
            if (resend == null) {
                return Uni.createFrom().failure(ProblemException.notFound("no message has this id"));
            }
            return sender.nudge()
                    .replaceWith(Response.accepted(NotificationEntry.of(resend)).build());
        });
    }
}
