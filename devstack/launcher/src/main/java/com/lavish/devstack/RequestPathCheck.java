package com.lavish.devstack;

import java.util.Optional;

/**
 * What the local API gateway refuses before it routes: a request target that the service behind it could read as
 * another path than the one the gateway matched. Quarkus (Vert.x Web) decodes {@code %2e} and removes dot segments
 * before it routes, so {@code /api/orders/%2e%2e/%2e%2e/q/metrics}, matched by the {@code /api/orders} route, would
 * be served as {@code /q/metrics}. Only an origin-form target whose path needs no normalising passes; the query is
 * not looked at.
 */
final class RequestPathCheck {

    private RequestPathCheck() {}

    /** Why the request target is refused, in words for the caller; empty when it may be routed. */
    static Optional<String> problem(String target) {
        if (target == null || !target.startsWith("/")) {
            return Optional.of("the request target must be a path that starts with /, such as /api/orders");
        }
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\') {
                return Optional.of("the path contains a backslash; use / between segments");
            }
            if (c < 0x21 || c == 0x7f) {
                return Optional.of("the path contains a control character");
            }
            if (c == '%') {
                int decoded = i + 2 < path.length() ? hexByte(path.charAt(i + 1), path.charAt(i + 2)) : -1;
                Optional<String> problem = encodedProblem(decoded);
                if (problem.isPresent()) {
                    return problem;
                }
                i += 2;
            }
        }
        for (String segment : path.split("/", -1)) {
            // a ';' starts a segment's parameters on some servers: "..;" is a dot segment to them
            int parameters = segment.indexOf(';');
            String name = parameters < 0 ? segment : segment.substring(0, parameters);
            if (name.equals(".") || name.equals("..")) {
                return Optional.of("the path contains a '" + name + "' segment; send the resource's own path,"
                        + " without '.' or '..' segments");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> encodedProblem(int decoded) {
        if (decoded < 0) {
            return Optional.of("the path contains a % that is not followed by two hexadecimal digits");
        }
        return switch (decoded) {
            case '.' -> Optional.of("the path contains an encoded dot (%2e); write dots as they are");
            case '/' -> Optional.of("the path contains an encoded slash (%2f); a segment cannot contain a slash here");
            case '\\' -> Optional.of("the path contains an encoded backslash (%5c)");
            default ->
                decoded < 0x20 || decoded == 0x7f
                        ? Optional.of("the path contains an encoded control character")
                        : Optional.empty();
        };
    }

    private static int hexByte(char high, char low) {
        int h = hexDigit(high);
        int l = hexDigit(low);
        return h < 0 || l < 0 ? -1 : h * 16 + l;
    }

    // ASCII only: Character.digit would also take other scripts' digits, which no server decodes
    private static int hexDigit(char c) {
        return c < 0x80 ? Character.digit(c, 16) : -1;
    }
}
