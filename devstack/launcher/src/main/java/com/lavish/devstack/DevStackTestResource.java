package com.lavish.devstack;

import java.util.Map;
import java.util.Set;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a {@code @QuarkusTest} real infrastructure: the JVM's {@link SharedDevStack}, started on first use.
 * The init argument {@code components} (for example {@code "kafka"}) limits what is started; default: all.
 */
public class DevStackTestResource implements QuarkusTestResourceLifecycleManager {

    private Set<Component> components = Component.parse(null);

    @Override
    public void init(Map<String, String> initArgs) {
        components = Component.parse(initArgs.get("components"));
    }

    @Override
    public Map<String, String> start() {
        return SharedDevStack.start(components);
    }

    @Override
    public void stop() {
        // the stack is shared by every test class of the JVM and stops with it
    }
}
