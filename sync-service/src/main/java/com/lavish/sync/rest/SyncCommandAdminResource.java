package com.lavish.sync.rest;

import com.lavish.consumer.admin.AdminRole;
import com.lavish.edge.problem.Problem;
import com.lavish.edge.problem.ProblemException;
import com.lavish.edge.validation.EnumName;
import com.lavish.events.sync.SyncCommand;
import com.lavish.events.sync.SyncMessages;
import com.lavish.sync.SyncCommandRecord;
import com.lavish.sync.SyncCommandRecord.State;
import com.lavish.sync.messaging.SyncRecordPublisher;
import com.lavish.sync.repository.SyncCommandRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.vertx.http.runtime.security.annotation.BasicAuthentication;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The command ledger for the admin: {@code GET /admin/sync/commands?shop=&state=} lists keys (FAILED by default:
 * what Shopify did not take within the retries), {@code POST /admin/sync/commands/{id}/resend} puts a FAILED or
 * stuck SENDING command back on sync.commands, where the ledger applies it at most once. Admin credential only.
 */
@Path("/admin/sync/commands")
@BasicAuthentication
@RolesAllowed(AdminRole.NAME)
@Tag(name = "Admin")
public class SyncCommandAdminResource {

    private static final int MAX_LIMIT = 500;
    private static final String LIMIT_RULE = "limit is 1 to " + MAX_LIMIT;

    private final SyncCommandRepository ledger;
    private final SyncRecordPublisher commands;

    public SyncCommandAdminResource(SyncCommandRepository ledger, SyncRecordPublisher commands) {
        this.ledger = ledger;
        this.commands = commands;
    }

    /** One key of the ledger, without the command's content (it may hold an address). */
    public record Entry(
            long id,
            String shop,
            String idempotencyKey,
            String commandId,
            String type,
            String state,
            int attempts,
            String shopifyId,
            Instant receivedAt,
            Instant lastSentAt,
            Instant completedAt) {

        static Entry of(SyncCommandRecord row) {
            return new Entry(
                    row.id,
                    row.shopDomain,
                    row.idempotencyKey,
                    row.commandId,
                    row.commandType.name(),
                    row.state.name(),
                    row.attempts,
                    row.shopifyId == null ? null : row.shopifyId.toString(),
                    row.receivedAt,
                    row.lastSentAt,
                    row.completedAt);
        }
    }

    /** What a resend put back on sync.commands. */
    public record Resend(long id, String commandId, String idempotencyKey) {}

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @WithSession
    @Operation(
            summary = "List the command ledger",
            description = "Keys of a shop in a state (default FAILED), the " + "longest waiting first.")
    public Uni<List<Entry>> list(
            @RestQuery @NotBlank(message = "shop is required: the shop domain") String shop,
            @RestQuery
                    @EnumName(
                            value = State.class,
                            message = "state is RECEIVED, SENDING, SUCCEEDED, REJECTED or FAILED")
                    String state,
            @RestQuery @Min(value = 1, message = LIMIT_RULE) @Max(value = MAX_LIMIT, message = LIMIT_RULE)
                    Integer limit) {
        State wanted = state == null ? State.FAILED : State.valueOf(state.toUpperCase(Locale.ROOT));
        return ledger.inState(shop, wanted, limit == null ? 50 : limit)
                .map(rows -> rows.stream().map(Entry::of).toList());
    }

    @POST
    @Path("/{id}/resend")
    @Produces(MediaType.APPLICATION_JSON)
    @ResponseStatus(202)
    @Operation(
            summary = "Send a command again",
            description =
                    "Puts a FAILED (or stuck SENDING) command back on " + "sync.commands; an answered one is a 409.")
    public Uni<Resend> resend(@RestPath long id) {
        // the row is read in a session of its own: the broker's ack arrives on the producer's thread, off this context
        return Panache.withSession(() -> ledger.findById(id)).chain(row -> {
            if (row == null) {
                throw ProblemException.notFound("the ledger has no command " + id);
            }
            if (row.state.answered()) {
                throw new ProblemException(Problem.of(
                        409,
                        "Conflict",
                        "command " + id + " was answered " + row.state + "; sending it again would change nothing"));
            }
            SyncCommand command = SyncMessages.readCommand(row.command.getBytes(StandardCharsets.UTF_8));
            return commands.command(command).replaceWith(new Resend(id, command.commandId(), command.idempotencyKey()));
        });
    }
}
