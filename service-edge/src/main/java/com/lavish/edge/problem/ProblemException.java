package com.lavish.edge.problem;

import java.util.Map;

/**
 * Ends a request with a problem+json answer. Thrown, or returned as a failed {@code Uni}, anywhere on a request
 * path; {@link ProblemExceptionMapper} writes it.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final Map<String, String> headers;

    public ProblemException(Problem problem) {
        this(problem, Map.of());
    }

    public ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.title() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    public Problem problem() {
        return problem;
    }

    /** Headers to send with the problem, such as {@code Retry-After} or {@code WWW-Authenticate}. */
    public Map<String, String> headers() {
        return headers;
    }

    public static ProblemException badRequest(String field, String detail) {
        return new ProblemException(new Problem(Problem.BLANK, "Bad Request", 400, detail, field));
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(Problem.of(401, "Unauthorized", detail));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(404, "Not Found", detail));
    }

    /** A dependency is away: the caller should come back after {@code retryAfterSeconds}. */
    public static ProblemException unavailable(String detail, long retryAfterSeconds) {
        return new ProblemException(
                Problem.of(503, "Service Unavailable", detail),
                Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    public static ProblemException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ProblemException(
                Problem.of(429, "Too Many Requests", detail), Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }
}
