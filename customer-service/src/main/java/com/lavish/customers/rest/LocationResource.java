package com.lavish.customers.rest;

import java.util.function.Supplier;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import com.lavish.customers.config.LocationsConfig;
import com.lavish.customers.service.LocationCache;
import com.lavish.customers.service.LocationCatalog;
import com.lavish.customers.service.LocationCatalog.Listing;

import io.smallrye.mutiny.Uni;

/**
 * The theme's address-form data: countries, their states (ISO 3166-2) and the states' cities. Served under both
 * storefront prefixes ({@code /proxy/locations/...} through the app proxy, {@code /api/locations/...} direct) with
 * the prefix in the path, as every storefront path is. Public: nothing here depends on who asks.
 *
 * <p>Eight countries for an Australian book-subscription shop that ships abroad: Australia (home, listed first),
 * then, alphabetically, the English-reading markets that Australian shops most often ship books to: Canada,
 * Ireland, New Zealand, Singapore, South Africa, the United Kingdom and the United States (tools/locations/README.md
 * gives the reasons).
 *
 * <p>Answers change only with a release, so they are cached twice: in Redis ({@link LocationCache}) and by the
 * browser and shared caches ({@code Cache-Control: public} with a strong ETag of the data version and path;
 * {@code If-None-Match} answers 304).
 */
@Path("/{entry: proxy|api}/locations/countries")
@Produces(MediaType.APPLICATION_JSON)
public class LocationResource {

    private final LocationCatalog catalog;
    private final LocationCache cache;
    private final String cacheControl;

    public LocationResource(LocationCatalog catalog, LocationCache cache, LocationsConfig config) {
        this.catalog = catalog;
        this.cache = cache;
        this.cacheControl = "public, max-age=" + config.httpMaxAge().toSeconds();
    }

    @GET
    public Uni<Response> countries(@Context Request request) {
        return answer(request, catalog::countries);
    }

    @GET
    @Path("/{country}/states")
    public Uni<Response> states(@PathParam("country") String country, @Context Request request) {
        return answer(request, () -> catalog.states(country));
    }

    @GET
    @Path("/{country}/states/{state}/cities")
    public Uni<Response> cities(@PathParam("country") String country, @PathParam("state") String state,
                                @Context Request request) {
        return answer(request, () -> catalog.cities(country, state));
    }

    private Uni<Response> answer(Request request, Supplier<Listing> lookup) {
        // an unknown code fails here, as a 404 problem, before any cache is asked
        Listing listing = lookup.get();
        // strong: one data version and one canonical path always give the same bytes
        EntityTag tag = new EntityTag(catalog.version() + "-" + LocationCatalog.shortHash(listing.key()));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return Uni.createFrom().item(notModified.tag(tag).header("Cache-Control", cacheControl).build());
        }
        return cache.body(listing).map(body -> Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
                .tag(tag)
                .header("Cache-Control", cacheControl)
                .build());
    }
}
