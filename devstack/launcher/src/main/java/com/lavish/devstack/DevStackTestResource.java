package com.lavish.devstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.Set;

/**
 * Gives a {@code @QuarkusTest} real infrastructure: the JVM's {@link SharedDevStack}, started on first use.
 * The init argument {@code components} (for example {@code "kafka"}) limits what is started; default: all but the
 * mail server, which only a service that sends mail asks for ({@code "postgres,redis,kafka,mail"}), so the others'
 * tests get no mailer settings they have no use for.
 */
public class DevStackTestResource implements QuarkusTestResourceLifecycleManager {

    private Set<Component> components = withoutMail();

    @Override
    public void init(Map<String, String> initArgs) {
        String named = initArgs.get("components");
        components = named == null || named.isBlank() ? withoutMail() : Component.parse(named);
    }

    private static Set<Component> withoutMail() {
        Set<Component> all = Component.parse(null);
        all.remove(Component.MAIL);
        return all;
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
