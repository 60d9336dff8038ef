package com.lavish.edge.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;

/**
 * An RFC 9457 problem detail, the body of every error the suite answers ({@code application/problem+json}).
 *
 * @param type   a URI naming the kind of problem; {@code about:blank} when the status says it all
 * @param title  a short summary of that kind
 * @param status the HTTP status
 * @param detail what went wrong this time, and what the caller can do about it
 * @param field  the request part at fault (a header, a parameter, a JSON field), when there is one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, String field) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final URI BLANK = URI.create("about:blank");

    public static Problem of(int status, String title, String detail) {
        return new Problem(BLANK, title, status, detail, null);
    }
}
