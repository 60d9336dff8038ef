package com.lavish.consumer.deadletter.rest;

import com.lavish.consumer.admin.AdminRole;
import com.lavish.consumer.deadletter.DeadLetterConfig;
import com.lavish.consumer.deadletter.DeadLetterPage;
import com.lavish.consumer.deadletter.DeadLetterTopics;
import com.lavish.edge.problem.ProblemException;
import com.lavish.edge.problem.QueryNumbers;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.annotation.BasicAuthentication;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The admin's view of this service's dead letters: {@code GET /admin/dead-letters/{topic}} lists those of a topic
 * it consumes, page by page; {@code POST .../{partition}/{offset}/replay} sends one back to its topic once its
 * cause is mended. Admin credential only (ADR 0006).
 */
@Path("/admin/dead-letters/{topic}")
@BasicAuthentication
@RolesAllowed(AdminRole.NAME)
public class DeadLetterResource {

    private final DeadLetterTopics deadLetters;
    private final DeadLetterConfig config;
    private final SecurityIdentity identity;

    public DeadLetterResource(DeadLetterTopics deadLetters, DeadLetterConfig config, SecurityIdentity identity) {
        this.deadLetters = deadLetters;
        this.config = config;
        this.identity = identity;
    }

    /**
     * @param partition with {@code from}: where the page starts (a previous page's {@code next}); default the start
     * @param limit     dead letters in the page, 1 to {@code event-consumer.dead-letters.max-limit}
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<DeadLetterPage> list(
            @RestPath String topic,
            @RestQuery("partition") String partitionParameter,
            @RestQuery("from") String fromParameter,
            @RestQuery("limit") String limitParameter) {
        Long partitionNumber = QueryNumbers.optional(
                partitionParameter, "partition", 0, Integer.MAX_VALUE, "partition is a partition number, 0 or more");
        Integer partition = partitionNumber == null ? null : partitionNumber.intValue();
        Long from = QueryNumbers.optional(fromParameter, "from", 0, Long.MAX_VALUE, "from is an offset, 0 or more");
        Long limit = QueryNumbers.optional(
                limitParameter, "limit", 1, config.maxLimit(), "limit is 1 to " + config.maxLimit());
        Optional<DeadLetterPage.Position> start = partition == null && from == null
                ? Optional.empty()
                : Optional.of(new DeadLetterPage.Position(partition == null ? 0 : partition, from == null ? 0 : from));
        return deadLetters.list(topic, start, limit == null ? config.defaultLimit() : limit.intValue());
    }

    @POST
    @Path("/{partition}/{offset}/replay")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<DeadLetterTopics.Replay> replay(@RestPath String topic, @RestPath int partition, @RestPath long offset) {
        if (partition < 0 || offset < 0) {
            throw ProblemException.notFound("there is no dead letter at partition " + partition + " offset " + offset);
        }
        return deadLetters.replay(
                topic, partition, offset, identity.getPrincipal().getName());
    }
}
