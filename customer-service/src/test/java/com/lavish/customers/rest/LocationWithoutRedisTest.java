package com.lavish.customers.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import com.lavish.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
@TestProfile(LocationWithoutRedisTest.RedisAway.class)
class LocationWithoutRedisTest {

    /** A Redis address nothing listens on. */
    public static class RedisAway implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:1");
        }
    }

    @Test
    void locationsAreAnsweredFromMemoryWhenRedisIsAway() {
        given().get("/api/locations/countries")
                .then()
                .statusCode(200)
                .body("countries", hasSize(8))
                .body("countries[0].code", equalTo("AU"));
        given().get("/api/locations/countries/AU/states/NSW/cities")
                .then()
                .statusCode(200)
                .body("cities", hasItem("Sydney"));
    }
}
