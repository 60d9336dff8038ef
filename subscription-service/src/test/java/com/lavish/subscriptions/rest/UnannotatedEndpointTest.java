package com.lavish.subscriptions.rest;

import com.lavish.devstack.DevStackTestResource;
import com.lavish.testsupport.UnannotatedEndpointContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Tag;

/**
 * test-support's {@link UnannotatedEndpointContract} against this service: its probe, a storefront path with no
 * security annotation, is refused to a signed-in customer (403) and an anonymous visitor (401).
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
@Tag("security")
class UnannotatedEndpointTest extends UnannotatedEndpointContract {

    @Path(PROBE)
    public static class UnannotatedProbe {

        @GET
        public String probe() {
            return SERVED;
        }
    }
}
