package com.lavish.devstack;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The one stack of a test JVM. Quarkus loads test code in a new class loader for each test profile, so a static
 * field alone would start a stack per profile. The stack's settings are therefore kept JVM-wide, as system
 * properties (strings only: libraries read them as such), and each class loader's view adopts the servers already
 * listening on those ports instead of starting its own.
 */
public final class SharedDevStack {

    private static final String PREFIX = "devstack.shared.";
    private static DevStack stack;

    private SharedDevStack() {}

    /** This class loader's view of the JVM's stack; the first one anywhere picks its ports and directory. */
    public static DevStack get() {
        Properties jvm = System.getProperties();
        // one Properties object per JVM, whatever class loader asks
        synchronized (jvm) {
            if (stack == null) {
                if (jvm.getProperty(PREFIX + "home") == null) {
                    DevStack.Settings fresh = DevStack.Settings.tests();
                    jvm.setProperty(PREFIX + "home", fresh.home().toString());
                    jvm.setProperty(
                            PREFIX + "ports",
                            fresh.postgresPort() + "," + fresh.redisPort() + ","
                                    + fresh.kafkaPort() + "," + fresh.kafkaControllerPort() + "," + fresh.smtpPort()
                                    + ","
                                    + fresh.imapPort());
                    jvm.setProperty(PREFIX + "partitions", Integer.toString(fresh.partitions()));
                }
                String[] ports = jvm.getProperty(PREFIX + "ports").split(",");
                DevStack.Settings settings = new DevStack.Settings(
                        Path.of(jvm.getProperty(PREFIX + "home")),
                        false,
                        Integer.parseInt(ports[0]),
                        Integer.parseInt(ports[1]),
                        Integer.parseInt(ports[2]),
                        Integer.parseInt(ports[3]),
                        Integer.parseInt(ports[4]),
                        Integer.parseInt(ports[5]),
                        Integer.parseInt(jvm.getProperty(PREFIX + "partitions")),
                        true);
                DevStack created = new DevStack(settings, System.getenv());
                Runtime.getRuntime().addShutdownHook(new Thread(created::close, "devstack-stop"));
                stack = created;
            }
            return stack;
        }
    }

    /** Starts what is not running yet; answers the Quarkus configuration of everything devstack runs. */
    public static Map<String, String> start(Set<Component> components) {
        DevStack shared = get();
        synchronized (System.getProperties()) {
            return shared.start(components).quarkusConfig();
        }
    }
}
