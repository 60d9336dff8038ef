package com.lavish.customers.rest;

import com.lavish.customers.service.LocationCache;
import com.lavish.customers.service.LocationCatalog;
import com.lavish.customers.service.LocationCatalog.CitiesBody;
import com.lavish.customers.service.LocationCatalog.CountriesBody;
import com.lavish.customers.service.LocationCatalog.Listing;
import com.lavish.customers.service.LocationCatalog.StatesBody;
import com.lavish.edge.caching.CacheDirectives;
import com.lavish.edge.problem.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The theme's address-form data: countries, their states (ISO 3166-2) and the states' cities. Served under both
 * storefront prefixes ({@code /proxy/locations/...} through the app proxy, {@code /api/locations/...} direct) with
 * the prefix in the path, as every storefront path is. Public ({@code @PermitAll}): nothing here depends on who asks;
 * a signed request of an anonymous visitor, or a direct call without a token, is served, while a refused signature or
 * token is still a 401.
 *
 * <p>Eight countries for an Australian book-subscription shop that ships abroad: Australia (home, listed first),
 * then, alphabetically, the English-reading markets that Australian shops most often ship books to: Canada,
 * Ireland, New Zealand, Singapore, South Africa, the United Kingdom and the United States (tools/locations/README.md
 * gives the reasons).
 *
 * <p>Answers change only with a release, so they are cached twice: in Redis ({@link LocationCache}) and by the
 * browser and shared caches ({@code Cache-Control: public}, {@code max-age} from {@code locations.http-max-age}, with a
 * strong ETag of the data version and path; {@code If-None-Match} answers 304).
 */
@Path("/{entry: proxy|api}/locations/countries")
@PermitAll
@CacheDirectives(value = "public", maxAge = "locations.http-max-age")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Locations", description = "Address-form data: countries, states (ISO 3166-2) and cities; public")
@APIResponse(
        responseCode = "304",
        description = "Not modified: the If-None-Match ETag is current; no body",
        headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)))
public class LocationResource {

    private static final String NOT_FOUND_COUNTRY = "{\"type\":\"about:blank\",\"title\":\"Not Found\","
            + "\"status\":404,\"detail\":\"no country with the code 'XX'; GET locations/countries lists the "
            + "ISO 3166-1 alpha-2 codes served\"}";
    private static final String NOT_FOUND_STATE = "{\"type\":\"about:blank\",\"title\":\"Not Found\","
            + "\"status\":404,\"detail\":\"no state with the code 'XYZ' in Australia; GET "
            + "locations/countries/AU/states lists them\"}";

    private final LocationCatalog catalog;
    private final LocationCache cache;

    public LocationResource(LocationCatalog catalog, LocationCache cache) {
        this.catalog = catalog;
        this.cache = cache;
    }

    @GET
    @Operation(operationId = "countries", summary = "The countries served, Australia first")
    @Parameter(
            name = "If-None-Match",
            in = ParameterIn.HEADER,
            required = false,
            description = "The ETag of an earlier answer; a 304 answers when the data has not changed",
            schema = @Schema(type = SchemaType.STRING),
            example = "\"2025-01-1-3f9a2c1b\"")
    @APIResponse(
            responseCode = "200",
            description = "The countries; Cache-Control: public with a strong ETag",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CountriesBody.class),
                            examples =
                                    @ExampleObject(
                                            name = "countries",
                                            value = "{\"countries\":["
                                                    + "{\"code\":\"AU\",\"name\":\"Australia\"},{\"code\":\"CA\",\"name\":\"Canada\"},"
                                                    + "{\"code\":\"NZ\",\"name\":\"New Zealand\"}]}")))
    public Uni<RestResponse<String>> countries(@Context Request request) {
        return answer(request, catalog::countries);
    }

    @GET
    @Path("/{country}/states")
    @Operation(operationId = "states", summary = "A country's states (ISO 3166-2)")
    @Parameter(
            name = "If-None-Match",
            in = ParameterIn.HEADER,
            required = false,
            description = "The ETag of an earlier answer; a 304 answers when the data has not changed",
            schema = @Schema(type = SchemaType.STRING),
            example = "\"2025-01-1-3f9a2c1b\"")
    @APIResponse(
            responseCode = "200",
            description = "The states; Cache-Control: public with a strong ETag",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = StatesBody.class),
                            examples =
                                    @ExampleObject(
                                            name = "states",
                                            value = "{\"country\":{\"code\":\"AU\","
                                                    + "\"name\":\"Australia\"},\"states\":[{\"code\":\"NSW\",\"iso_code\":\"AU-NSW\","
                                                    + "\"name\":\"New South Wales\"},{\"code\":\"VIC\",\"iso_code\":\"AU-VIC\","
                                                    + "\"name\":\"Victoria\"}]}")))
    @APIResponse(
            responseCode = "404",
            description = "No country with that code",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "unknownCountry", value = NOT_FOUND_COUNTRY)))
    public Uni<RestResponse<String>> states(
            @Parameter(description = "ISO 3166-1 alpha-2 country code (any case)", example = "AU") @PathParam("country")
                    String country,
            @Context Request request) {
        return answer(request, () -> catalog.states(country));
    }

    @GET
    @Path("/{country}/states/{state}/cities")
    @Operation(operationId = "cities", summary = "A state's cities")
    @Parameter(
            name = "If-None-Match",
            in = ParameterIn.HEADER,
            required = false,
            description = "The ETag of an earlier answer; a 304 answers when the data has not changed",
            schema = @Schema(type = SchemaType.STRING),
            example = "\"2025-01-1-3f9a2c1b\"")
    @APIResponse(
            responseCode = "200",
            description = "The cities; Cache-Control: public with a strong ETag",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CitiesBody.class),
                            examples =
                                    @ExampleObject(
                                            name = "cities",
                                            value =
                                                    "{\"country\":{\"code\":\"AU\","
                                                            + "\"name\":\"Australia\"},\"state\":{\"code\":\"NSW\",\"iso_code\":\"AU-NSW\","
                                                            + "\"name\":\"New South Wales\"},\"cities\":[\"Newcastle\",\"Sydney\",\"Wollongong\"]}")))
    @APIResponse(
            responseCode = "404",
            description = "No country, or no state in it, with that code",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = {
                                @ExampleObject(name = "unknownCountry", value = NOT_FOUND_COUNTRY),
                                @ExampleObject(name = "unknownState", value = NOT_FOUND_STATE)
                            }))
    public Uni<RestResponse<String>> cities(
            @Parameter(description = "ISO 3166-1 alpha-2 country code (any case)", example = "AU") @PathParam("country")
                    String country,
            @Parameter(description = "The state's code (NSW) or ISO 3166-2 code (AU-NSW)", example = "NSW")
                    @PathParam("state")
                    String state,
            @Context Request request) {
        return answer(request, () -> catalog.cities(country, state));
    }

    private Uni<RestResponse<String>> answer(Request request, Supplier<Listing> lookup) {
        // an unknown code fails here, as a 404 problem, before any cache is asked
        Listing listing = lookup.get();
        // strong: one data version and one canonical path always give the same bytes
        EntityTag tag = new EntityTag(catalog.version() + "-" + LocationCatalog.shortHash(listing.key()));
        if (request.evaluatePreconditions(tag) != null) {
            return Uni.createFrom()
                    .item(RestResponse.ResponseBuilder.<String>notModified(tag).build());
        }
        return cache.body(listing)
                .map(body -> RestResponse.ResponseBuilder.ok(body, MediaType.APPLICATION_JSON_TYPE)
                        .tag(tag)
                        .build());
    }
}
