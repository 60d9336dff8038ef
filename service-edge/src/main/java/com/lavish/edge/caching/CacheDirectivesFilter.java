package com.lavish.edge.caching;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Writes {@link CacheDirectives} as {@code Cache-Control}: the one place a resource's caching is said, rather than a
 * header set by hand on each answer. Only a 2xx or a 304 gets it, and only when the answer has none of its own. An
 * answer that no cache may store ({@code no-store}) also gets {@code Pragma: no-cache}, for HTTP/1.0 caches that know
 * no {@code Cache-Control} (RFC 6749 §5.1 asks it of a token's answer).
 */
public class CacheDirectivesFilter {

    /** The header of each resource method, resolved once (the max-age from configuration included). */
    private final Map<Method, Optional<String>> headers = new ConcurrentHashMap<>();

    @ServerResponseFilter
    public void writeCacheControl(ContainerResponseContext response, ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        int status = response.getStatus();
        if (method == null
                || !(status / 100 == 2 || status == 304)
                || response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            return;
        }
        headers.computeIfAbsent(method, CacheDirectivesFilter::header).ifPresent(value -> {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, value);
            if (value.contains("no-store")) {
                response.getHeaders().putSingle("Pragma", "no-cache");
            }
        });
    }

    static Optional<String> header(Method method) {
        CacheDirectives directives = method.getAnnotation(CacheDirectives.class);
        if (directives == null) {
            directives = method.getDeclaringClass().getAnnotation(CacheDirectives.class);
        }
        if (directives == null) {
            return Optional.empty();
        }
        if (directives.maxAge().isEmpty()) {
            return Optional.of(directives.value());
        }
        Duration maxAge = ConfigProvider.getConfig().getValue(directives.maxAge(), Duration.class);
        return Optional.of(directives.value() + ", max-age=" + maxAge.toSeconds());
    }
}
