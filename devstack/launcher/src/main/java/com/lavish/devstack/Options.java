package com.lavish.devstack;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} command-line options, refusing names a command does not know. */
final class Options {

    private Options() {}

    static Map<String, String> parse(String[] args, Set<String> known) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (name == null || !known.contains(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown or incomplete option '" + args[i] + "'; known: --"
                        + String.join(" VALUE, --", known) + " VALUE");
            }
            options.put(name, args[++i]);
        }
        return options;
    }
}
