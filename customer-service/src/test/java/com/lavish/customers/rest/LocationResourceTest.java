package com.lavish.customers.rest;

import static com.lavish.customers.support.CustomerEventFixture.newCustomerId;
import static com.lavish.customers.support.CustomerEventFixture.signedQuery;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lavish.customers.service.LocationCache;
import com.lavish.customers.service.LocationCatalog;
import com.lavish.devstack.DevStackTestResource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class LocationResourceTest {

    @Inject
    RedisDataSource redis;

    @Inject
    LocationCatalog catalog;

    @Inject
    LocationCache cache;

    /** Direct: public, no credential. */
    private static ValidatableResponse api(String path) {
        return given().when().get("/api/locations" + path).then();
    }

    /** Through the app proxy: signed as Shopify's proxy signs, for a customer no other test uses. */
    private static ValidatableResponse proxy(String path) {
        return given().urlEncodingEnabled(false)
                .when()
                .get("/proxy/locations" + path + "?" + signedQuery(newCustomerId()))
                .then();
    }

    @Test
    void eightCountriesWithAustraliaFirstAndTheRestAlphabetical() {
        List<String> names = api("/countries")
                .statusCode(200)
                .contentType(containsString("application/json"))
                .body("countries", hasSize(8))
                .body("countries[0].code", equalTo("AU"))
                .body("countries[0].name", equalTo("Australia"))
                .body("countries.code", hasItems("NZ", "GB", "US", "CA", "SG", "IE", "ZA"))
                .extract()
                .jsonPath()
                .getList("countries.name", String.class);
        List<String> abroad = names.subList(1, names.size());
        assertEquals(abroad.stream().sorted().toList(), abroad);
    }

    @Test
    void australiasStatesIncludeTheEightStatesAndTerritories() {
        api("/countries/AU/states")
                .statusCode(200)
                .body("country.code", equalTo("AU"))
                .body("states.code", hasItems("NSW", "VIC", "QLD", "WA", "SA", "TAS", "ACT", "NT"))
                .body("states.find { it.code == 'NSW' }.iso_code", equalTo("AU-NSW"))
                .body("states.find { it.code == 'NSW' }.name", equalTo("New South Wales"));
    }

    @Test
    void citiesOfNewSouthWalesIncludeSydney() {
        api("/countries/AU/states/NSW/cities")
                .statusCode(200)
                .body("state.iso_code", equalTo("AU-NSW"))
                .body("cities", hasItem("Sydney"));
    }

    @Test
    void lowerCaseAndFullIsoCodesFindTheSameState() {
        api("/countries/au/states/AU-NSW/cities").statusCode(200).body("cities", hasItem("Sydney"));
    }

    @Test
    void signedAppProxyRequestIsServedTheSameData() {
        proxy("/countries").statusCode(200).body("countries", hasSize(8)).body("countries[0].code", equalTo("AU"));
        proxy("/countries/AU/states/NSW/cities").statusCode(200).body("cities", hasItem("Sydney"));
    }

    @Test
    void unknownCountryIsNotFoundProblem() {
        api("/countries/XX/states")
                .statusCode(404)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(404))
                .body("detail", containsString("XX"));
        proxy("/countries/XX/states").statusCode(404).contentType(containsString("application/problem+json"));
    }

    @Test
    void unknownStateIsNotFoundProblem() {
        api("/countries/AU/states/ZZZ/cities")
                .statusCode(404)
                .contentType(containsString("application/problem+json"))
                .body("detail", containsString("ZZZ"));
    }

    @Test
    void answerCarriesStrongEtagAndPublicCacheControl() {
        String etag = api("/countries/AU/states")
                .statusCode(200)
                .header("ETag", notNullValue())
                .header("Cache-Control", "public, max-age=86400")
                .extract()
                .header("ETag");
        assertTrue(etag.startsWith("\"") && !etag.startsWith("W/"), "a strong ETag: " + etag);
        // the same answer under the other prefix is the same representation
        api("/countries/AU/states").header("ETag", etag);
        proxy("/countries/AU/states").header("ETag", etag);
        api("/countries/NZ/states").header("ETag", not(equalTo(etag)));
    }

    @Test
    void repeatWithCurrentEtagIsNotModifiedWithoutBody() {
        String etag = api("/countries").statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag)
                .when()
                .get("/api/locations/countries")
                .then()
                .statusCode(304)
                .header("ETag", etag)
                .body(emptyString());
        given().header("If-None-Match", "\"some-older-version\"")
                .when()
                .get("/api/locations/countries")
                .then()
                .statusCode(200)
                .body("countries", hasSize(8));
    }

    @Test
    void answerIsCachedInRedisUnderItsDataVersion() {
        String key = cache.key(catalog.cities("NZ", "AUK"));
        assertTrue(key.contains(catalog.version()), key);
        redis.key().del(key);
        assertFalse(redis.key().exists(key));

        api("/countries/NZ/states/AUK/cities").statusCode(200).body("cities", hasItem("Auckland"));

        assertTrue(redis.key().exists(key), "cached after the first request: " + key);
        assertTrue(redis.value(String.class).get(key).contains("Auckland"));
    }
}
