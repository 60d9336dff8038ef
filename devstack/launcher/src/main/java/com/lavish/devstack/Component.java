package com.lavish.devstack;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** The pieces of infrastructure devstack can provide, each replaced by a real server when the environment names one. */
public enum Component {
    POSTGRES("QUARKUS_DATASOURCE_REACTIVE_URL", "QUARKUS_DATASOURCE_JDBC_URL"),
    REDIS("QUARKUS_REDIS_HOSTS"),
    KAFKA("KAFKA_BOOTSTRAP_SERVERS"),
    MAIL("QUARKUS_MAILER_HOST");

    private final String[] overridingVariables;

    Component(String... overridingVariables) {
        this.overridingVariables = overridingVariables;
    }

    /** Whether the environment points at a real server for this component, which then takes precedence. */
    boolean configuredIn(java.util.Map<String, String> environment) {
        return Arrays.stream(overridingVariables).anyMatch(v -> {
            String value = environment.get(v);
            return value != null && !value.isBlank();
        });
    }

    /** Parses a list such as {@code "kafka, postgres"}; blank means every component. */
    public static Set<Component> parse(String list) {
        if (list == null || list.isBlank()) {
            return EnumSet.allOf(Component.class);
        }
        return Arrays.stream(list.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> Component.valueOf(s.toUpperCase(java.util.Locale.ROOT)))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Component.class)));
    }
}
