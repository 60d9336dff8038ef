package com.lavish.customers.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The generated resource, as tools/locations/generate.sh must leave it. */
class LocationDataFileTest {

    private static JsonNode data() throws IOException {
        try (InputStream in = LocationDataFileTest.class.getResourceAsStream("/locations/locations.json")) {
            assertNotNull(in, "locations/locations.json is on the classpath");
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void generatedFileHasEightCountriesWithAustraliaFirst() throws IOException {
        JsonNode countries = data().get("countries");
        assertEquals(8, countries.size());
        assertEquals("AU", countries.get(0).get("code").asText());
    }

    @Test
    void generatedFileHasNoEmptyStateOrCityLists() throws IOException {
        for (JsonNode country : data().get("countries")) {
            String code = country.get("code").asText();
            assertTrue(code.matches("[A-Z]{2}"), "ISO 3166-1 alpha-2: " + code);
            assertFalse(country.get("states").isEmpty(), code + " has states");
            for (JsonNode state : country.get("states")) {
                assertTrue(state.get("iso_code").asText().startsWith(code + "-"), "ISO 3166-2: " + state);
                assertFalse(
                        state.get("cities").isEmpty(),
                        code + "-" + state.get("code").asText() + " has cities");
            }
        }
    }

    @Test
    void generatedFileNamesItsDatasetVersionAndLicence() throws IOException {
        JsonNode dataset = data().get("dataset");
        assertEquals("@countrystatecity/countries", dataset.get("name").asText());
        assertFalse(dataset.get("version").asText().isBlank());
        assertEquals("ODbL-1.0", dataset.get("licence").asText());
    }
}
