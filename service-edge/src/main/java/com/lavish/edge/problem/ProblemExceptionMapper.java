package com.lavish.edge.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure on a request path into problem+json: a {@link ProblemException} as it says, the framework's
 * own HTTP errors (404, 405, 415...) with their status, the security layer's refusals (a missing or wrong
 * credential 401 with the mechanism's challenge, a credential without the role 403), unreadable JSON and a request
 * that breaks a Bean Validation constraint as 400 naming the field, and anything else as a 500 that reveals nothing
 * (the cause is logged, never sent).
 */
public class ProblemExceptionMapper {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMapper.class);

    private final ViolationFields violationFields;

    public ProblemExceptionMapper(ObjectMapper json) {
        this.violationFields = new ViolationFields(json);
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response.ResponseBuilder response =
                Response.status(e.problem().status()).type(Problem.MEDIA_TYPE).entity(e.problem());
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type != null ? type.getReasonPhrase() : "HTTP " + status;
        String detail = status == 404
                ? "there is nothing at this path"
                : status == 405
                        ? "this path does not take that method"
                        : status == 415
                                ? "this path takes application/json"
                                : status == 406
                                        ? "this path answers application/json"
                                        // never the exception's message: a framework's wording or a class name is not
                                        // the client's business
                                        : status == 400
                                                ? "the request is not one this path can read: check its parameters and body"
                                                : status >= 500
                                                        ? "the service could not answer; try again later"
                                                        : "the request was refused (" + title + ")";
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, title, detail))
                .build();
    }

    /**
     * No credential, or one the identity provider refused, on a path whose resource asks for one ({@code @RolesAllowed}):
     * ahead of Quarkus' own mapper, which answers with the challenge and no body.
     */
    @ServerExceptionMapper(
            value = {UnauthorizedException.class, AuthenticationFailedException.class},
            priority = jakarta.ws.rs.Priorities.USER)
    public Uni<Response> unauthenticated(RoutingContext routing) {
        return challenged(routing);
    }

    /**
     * The 401 of {@link #unauthenticated}: public, so that a mapper which answers these refusals its own way on some
     * paths (the storefront's) answers the others exactly as here.
     */
    public static Uni<Response> challenged(RoutingContext routing) {
        // the challenge of the mechanism this path selected, e.g. WWW-Authenticate: Basic realm="lavish-admin"
        HttpAuthenticator authenticator = routing.get(HttpAuthenticator.class.getName());
        Uni<ChallengeData> challenge = authenticator == null
                ? Uni.createFrom().nullItem()
                : authenticator.getChallenge(routing).onFailure().recoverWithNull();
        return challenge.map(data -> {
            Response.ResponseBuilder response = Response.status(401)
                    .type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(
                            401,
                            "Unauthorized",
                            "this path needs a valid credential; none was sent, or it was not accepted"));
            if (data != null) {
                data.getHeaders().forEach((name, value) -> response.header(name.toString(), value));
            }
            return response.build();
        });
    }

    @ServerExceptionMapper(value = ForbiddenException.class, priority = jakarta.ws.rs.Priorities.USER)
    public Response forbidden() {
        return Response.status(403)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(403, "Forbidden", "the credential is valid but lacks the role this path needs"))
                .build();
    }

    /**
     * A request that breaks a constraint of its resource method's parameters or body: 400 as
     * {@link ProblemException#badRequest} answers it, naming the field as the client sent it, the detail being the
     * constraint's message (which says the rule, never the value sent: it may be personal data). Of several, the
     * first in the request's order. A violation elsewhere (a method's return value, a bean inside the service) is
     * our fault, not the client's: a 500, as Quarkus answers it without this mapper.
     */
    @ServerExceptionMapper
    public Response violation(ConstraintViolationException e) {
        boolean request = e instanceof ResteasyReactiveViolationException
                && e.getConstraintViolations().stream().noneMatch(v -> returnValue(v.getPropertyPath()));
        if (!request) {
            return unexpected(e);
        }
        return violationFields
                .first(e.getConstraintViolations())
                .map(found -> problem(ProblemException.badRequest(
                        found.named().field(), found.violation().getMessage())))
                .orElseGet(() -> unexpected(e));
    }

    private static boolean returnValue(Path path) {
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return Response.status(400)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(400, "Bad Request", unreadableJsonDetail(e)))
                .build();
    }

    /**
     * What is wrong with a body, in the client's terms: the field (by its JSON path) or the place in the text. Never
     * Jackson's own message, which names our classes and types.
     */
    static String unreadableJsonDetail(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "the body has a field this path does not take: " + fieldPath(unknown);
        }
        if (e instanceof MismatchedInputException mismatched
                && !mismatched.getPath().isEmpty()) {
            return "the body's field " + fieldPath(mismatched) + " does not have the type this path takes";
        }
        JsonLocation where = e.getLocation();
        return where == null || where.getLineNr() < 1
                ? "the body is not valid JSON"
                : "the body is not valid JSON (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
    }

    /** data.items[2].quantity: the field names the client sent, the indexes of arrays. */
    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference step : e.getPath()) {
            if (step.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(the whole body)" : "'" + path + "'";
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        LOG.error("unexpected failure on a request path", e);
        return Response.status(500)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(500, "Internal Server Error", "the request failed on our side; it is logged"))
                .build();
    }
}
