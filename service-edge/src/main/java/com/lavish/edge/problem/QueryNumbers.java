package com.lavish.edge.problem;

/**
 * Whole-number query parameters read as text and parsed here, so that {@code ?limit=abc} is a 400 that names the
 * parameter. Declared as {@code Integer} or {@code Long}, JAX-RS turns a value that does not convert into a 404, as
 * if the path did not exist.
 */
public final class QueryNumbers {

    private QueryNumbers() {}

    /**
     * The parameter's value, or null when it was not sent.
     *
     * @param rule what the parameter must be, in the client's terms ("limit is 1 to 500"): the 400's detail
     * @throws ProblemException 400 naming the parameter, when it is not a whole number between min and max
     */
    public static Long optional(String raw, String name, long min, long max, String rule) {
        return raw == null || raw.isBlank() ? null : required(raw, name, min, max, rule);
    }

    /** As {@link #optional}, for a parameter that has a value (its default, say): an empty one is refused too. */
    public static long required(String raw, String name, long min, long max, String rule) {
        try {
            long value = Long.parseLong(raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, with the rule
        }
        throw ProblemException.badRequest(name, rule);
    }
}
