package com.lavish.customers.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lavish.customers.config.LocationsConfig;
import com.lavish.edge.problem.ProblemException;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The address-form data (countries, their ISO 3166-2 subdivisions, their cities), read once at start from the
 * resource that tools/locations/generate.sh writes. Answers are addressed by a canonical key, so that
 * {@code /proxy/...} and {@code /api/...}, {@code au} and {@code AU}, {@code NSW} and {@code AU-NSW} share one
 * cache entry and one ETag.
 */
@Startup
@ApplicationScoped
public class LocationCatalog {

    /** Bumped when the shape of an answer changes, so caches keyed by data version alone never serve the old one. */
    static final String FORMAT = "1";

    private final ObjectMapper json;
    private final String version;
    private final List<Country> countries;
    private final Map<String, Country> byCode = new LinkedHashMap<>();

    public LocationCatalog(LocationsConfig config, ObjectMapper json) {
        this.json = json;
        byte[] bytes = read(config.resource());
        this.version = FORMAT + "." + sha256(bytes).substring(0, 16);
        try {
            this.countries = json.copy()
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(bytes, LocationData.class)
                    .countries();
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable locations resource " + config.resource(), e);
        }
        countries.forEach(c -> byCode.put(c.code(), c));
    }

    /** The data version (format and content hash): part of every cache key and ETag. */
    public String version() {
        return version;
    }

    /** An answer: its canonical key, and how to write its body when no cache has it. */
    public record Listing(String key, Object body) {}

    public Listing countries() {
        return new Listing(
                "countries",
                new CountriesBody(countries.stream().map(Country::ref).toList()));
    }

    public Listing states(String countryCode) {
        Country country = country(countryCode);
        return new Listing(
                "countries/" + country.code() + "/states",
                new StatesBody(
                        country.ref(), country.states().stream().map(State::ref).toList()));
    }

    public Listing cities(String countryCode, String stateCode) {
        Country country = country(countryCode);
        State state = state(country, stateCode);
        return new Listing(
                "countries/" + country.code() + "/states/" + state.code() + "/cities",
                new CitiesBody(country.ref(), state.ref(), state.cities()));
    }

    public String write(Listing listing) {
        try {
            return json.writeValueAsString(listing.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + listing.key(), e);
        }
    }

    private Country country(String code) {
        Country country = code == null ? null : byCode.get(code.toUpperCase(Locale.ROOT));
        if (country == null) {
            throw ProblemException.notFound("no country with the code '" + abbreviate(code)
                    + "'; GET locations/countries lists the ISO 3166-1 alpha-2 codes served");
        }
        return country;
    }

    private static State state(Country country, String code) {
        String wanted = code == null ? "" : code.toUpperCase(Locale.ROOT);
        return country.states().stream()
                .filter(s -> s.code().equals(wanted) || s.isoCode().equals(wanted))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("no state with the code '" + abbreviate(code) + "' in "
                        + country.name() + "; GET locations/countries/" + country.code() + "/states lists them"));
    }

    /** A caller's path segment goes back in the detail, but never at any length. */
    private static String abbreviate(String value) {
        return value == null ? "" : value.length() <= 16 ? value : value.substring(0, 16) + "…";
    }

    private static byte[] read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("locations resource " + resource + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A short digest of a canonical key, for an ETag. */
    public static String shortHash(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    record LocationData(List<Country> countries) {}

    record Country(String code, String name, List<State> states) {
        CountryRef ref() {
            return new CountryRef(code, name);
        }
    }

    record State(String code, @JsonProperty("iso_code") String isoCode, String name, List<String> cities) {
        StateRef ref() {
            return new StateRef(code, isoCode, name);
        }
    }

    public record CountryRef(String code, String name) {}

    // Records, not maps: their fields are written in one order on every replica, which a strong ETag needs.
    public record CountriesBody(List<CountryRef> countries) {}

    public record StatesBody(CountryRef country, List<StateRef> states) {}

    public record CitiesBody(CountryRef country, StateRef state, List<String> cities) {}

    /** {@code code} is Shopify's {@code province_code} (NSW); {@code iso_code} the full ISO 3166-2 code (AU-NSW). */
    public record StateRef(
            String code, @JsonProperty("iso_code") String isoCode, String name) {}
}
