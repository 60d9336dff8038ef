package com.lavish.edge.problem;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;

/**
 * The problem+json answer of a handler below Quarkus REST (a Vert.x route or router filter), written as
 * {@link ProblemExceptionMapper} writes it for resources: the problem's status, its headers, the problem as the body.
 */
public final class ProblemResponses {

    private ProblemResponses() {}

    public static void end(HttpServerResponse response, ProblemException problem) {
        problem.headers().forEach(response::putHeader);
        response.setStatusCode(problem.problem().status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(Json.encode(problem.problem()));
    }
}
