package com.lavish.edge.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointSecurityAuditTest {

    @Path("/guarded")
    @Authenticated
    public static class GuardedResource {
        @GET
        public String read() {
            return "";
        }

        @POST
        @PermitAll
        public String write() {
            return "";
        }
    }

    @Path("/forgotten")
    public static class ForgottenResource {
        @GET
        @RolesAllowed("admin")
        public String secured() {
            return "";
        }

        @POST
        public String forgotten() {
            return "";
        }

        /** Not an endpoint: no HTTP method. */
        public String helper() {
            return "";
        }
    }

    /** An admin base class, as event-consumer's DataRequestAdminResource, whose class-level role its subclass serves. */
    @RolesAllowed("admin")
    public abstract static class AdminBase {
        @GET
        public String list() {
            return "";
        }
    }

    @Path("/inherited")
    public static class InheritedResource extends AdminBase {}

    @Test
    void reportsOnlyTheEndpointWithNoSecurityAnnotationOnItOrItsDeclaringClass() {
        // this module's test classes: these fixtures are their only endpoints
        assertEquals(
                List.of(ForgottenResource.class.getName() + "#forgotten"),
                EndpointSecurityAudit.unannotatedEndpoints(java.nio.file.Path.of("target", "test-classes")));
    }
}
