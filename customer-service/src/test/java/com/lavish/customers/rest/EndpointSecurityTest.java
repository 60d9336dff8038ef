package com.lavish.customers.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lavish.edge.security.EndpointSecurityAudit;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of this service says who may call it (@Authenticated, @PermitAll or @RolesAllowed), so none relies on
 * its code asking for a customer; quarkus.security.jaxrs.deny-unannotated-endpoints refuses one that does not
 * (UnannotatedEndpointTest), and this fails the build before it ships. It reads this module's compiled classes
 * (target/classes, surefire runs in the module's directory) without loading them.
 */
@Tag("security")
class EndpointSecurityTest {

    @Test
    void everyEndpointSaysWhoMayCallIt() {
        assertEquals(List.of(), EndpointSecurityAudit.unannotatedEndpoints(Path.of("target", "classes")));
    }
}
