package com.lavish.edge.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;
import org.jboss.jandex.MethodInfo;

/**
 * Which JAX-RS resource methods of a service say nothing of who may call them: no {@code @Authenticated},
 * {@code @PermitAll}, {@code @RolesAllowed}, {@code @DenyAll} or {@code @PermissionsAllowed} on the method or on the
 * class that declares it (as Quarkus reads them). {@code quarkus.security.jaxrs.deny-unannotated-endpoints=true}
 * refuses such a method at run time; each service's test asks this so that a forgotten annotation fails the build
 * rather than a caller.
 *
 * <p>Reads the service's compiled classes with Jandex, loading none of them: a test that loaded the service's classes
 * outside Quarkus would leave them, and what they link to, in the wrong class loader for the service's
 * {@code @QuarkusTest}s. The superclasses a resource inherits endpoints from (event-consumer's admin resources) are read
 * from the class path the same way.
 */
public final class EndpointSecurityAudit {

    private static final Set<DotName> HTTP_METHODS = Stream.of(
                    "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS")
            .map(m -> DotName.createSimple("jakarta.ws.rs." + m))
            .collect(Collectors.toSet());
    private static final Set<DotName> SECURITY = Stream.of(
                    "io.quarkus.security.Authenticated",
                    "io.quarkus.security.PermissionsAllowed",
                    "jakarta.annotation.security.PermitAll",
                    "jakarta.annotation.security.RolesAllowed",
                    "jakarta.annotation.security.DenyAll")
            .map(DotName::createSimple)
            .collect(Collectors.toSet());
    private static final DotName OBJECT = DotName.createSimple(Object.class.getName());

    private EndpointSecurityAudit() {}

    /**
     * @param classes the service's compiled classes ({@code target/classes} in its tests)
     * @return {@code Class#method} of each unannotated resource method, sorted; empty when every one says
     */
    public static List<String> unannotatedEndpoints(Path classes) {
        Indexer indexer = new Indexer();
        Set<DotName> own = new HashSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    own.add(indexer.indexWithSummary(in).name());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the classes in " + classes, e);
        }
        Index index = indexer.complete();
        List<String> unannotated = new ArrayList<>();
        for (DotName name : own) {
            ClassInfo type = index.getClassByName(name);
            if (type.isInterface() || Modifier.isAbstract(type.flags())) {
                continue;
            }
            for (ClassInfo declaring = type; declaring != null; declaring = superclass(declaring)) {
                for (MethodInfo method : declaring.methods()) {
                    if (endpoint(method) && !says(method) && !says(declaring)) {
                        unannotated.add(type.name() + "#" + method.name());
                    }
                }
            }
        }
        return unannotated.stream().sorted().toList();
    }

    private static boolean endpoint(MethodInfo method) {
        return HTTP_METHODS.stream().anyMatch(method::hasDeclaredAnnotation);
    }

    private static boolean says(AnnotationTarget target) {
        return SECURITY.stream().anyMatch(target::hasDeclaredAnnotation);
    }

    /** The superclass, read from the class path without loading it; null at Object or when it cannot be found. */
    private static ClassInfo superclass(ClassInfo type) {
        DotName name = type.superName();
        if (name == null || OBJECT.equals(name)) {
            return null;
        }
        String resource = name.toString().replace('.', '/') + ".class";
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader == null ? null : loader.getResourceAsStream(resource)) {
            return in == null ? null : Index.singleClass(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
