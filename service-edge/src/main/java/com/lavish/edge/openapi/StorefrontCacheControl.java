package com.lavish.edge.openapi;

import com.lavish.edge.caching.CacheDirectives;
import com.lavish.edge.caching.CacheDirectivesFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The {@code Cache-Control} header of a storefront operation's successful answers, documented here for all of them
 * rather than by a header on each resource's responses: {@link CacheDirectivesFilter} writes it from the resource's
 * {@link CacheDirectives} on every 2xx and 304, and every storefront resource says its directives
 * (docs/conventions.md). A document's model does not say which Java method an operation is, so the header states the
 * directives the storefront's resources use rather than each operation's own. Added by {@link StorefrontProblemAnswers}
 * with the other answers every storefront operation shares.
 */
final class StorefrontCacheControl {

    static final String HEADER = "Cache-Control";

    private StorefrontCacheControl() {}

    /** Adds the header to each 2xx and 304 of these responses that does not document its own. */
    static void document(APIResponses responses) {
        if (responses.getAPIResponses() == null) {
            return;
        }
        responses.getAPIResponses().forEach((status, response) -> {
            boolean cacheable = status.startsWith("2") || "304".equals(status);
            if (cacheable
                    && (response.getHeaders() == null || !response.getHeaders().containsKey(HEADER))) {
                response.addHeader(HEADER, header());
            }
        });
    }

    private static Header header() {
        return OASFactory.createHeader()
                .description("Who may keep this answer and for how long, as the operation's resource says: "
                        + "`private, no-store` on a customer's own data (with `Pragma: no-cache`), `no-store` on a "
                        + "session token, `public, max-age=<seconds>` on public data that changes only with a "
                        + "release, the seconds being the service's configured max-age")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }
}
