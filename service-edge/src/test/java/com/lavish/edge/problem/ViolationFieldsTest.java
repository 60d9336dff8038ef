package com.lavish.edge.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.lavish.edge.validation.ShopifyId;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.jboss.resteasy.reactive.RestQuery;
import org.junit.jupiter.api.Test;

/** A violation is named as the client sent the field: the parameter's request name, the body's JSON path. */
class ViolationFieldsTest {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Change(
            @ShopifyId String sellingPlanId,
            @Min(1) @Max(100) Integer quantity,
            @Valid Address deliveryAddress,
            List<@Valid Line> lines) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Address(
            @NotBlank String address1,
            @NotNull @Pattern(regexp = "[A-Za-z]{2}") String countryCode) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Line(@Pattern(regexp = "day|week") String billingInterval) {}

    /** Shaped like a resource method: path, header and query parameters, then the body. */
    public static class Resource {
        public void change(
                @PathParam("id") @Pattern(regexp = "[0-9]+") String id,
                @HeaderParam("Last-Event-ID") @Pattern(regexp = "[0-9]+") String lastEventId,
                @RestQuery @Min(1) Integer limit,
                @Valid @NotNull Change change) {}

        public void run(@RestQuery List<@Pattern(regexp = "orders|products") String> resource) {}
    }

    private static final Validator VALIDATOR = Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();

    private final ViolationFields fields = new ViolationFields(new ObjectMapper());

    private String fieldOf(String id, String lastEventId, Integer limit, Change change) throws Exception {
        Method method = Resource.class.getMethod("change", String.class, String.class, Integer.class, Change.class);
        Set<ConstraintViolation<Resource>> violations = VALIDATOR
                .forExecutables()
                .validateParameters(new Resource(), method, new Object[] {id, lastEventId, limit, change});
        return fields.first(violations).orElseThrow().named().field();
    }

    private static Change valid() {
        return new Change(
                "gid://shopify/SellingPlan/690875515", 2, new Address("1 Collins St", "AU"), List.of(new Line("week")));
    }

    @Test
    void aParameterIsNamedAsTheRequestNamesIt() throws Exception {
        assertEquals("id", fieldOf("12ab", null, null, valid()));
        assertEquals("Last-Event-ID", fieldOf("1", "yesterday", null, valid()));
        assertEquals("limit", fieldOf("1", null, 0, valid()));
    }

    @Test
    void aRepeatedQueryParameterIsNamedWithoutAnIndex() throws Exception {
        Method run = Resource.class.getMethod("run", List.class);
        Set<ConstraintViolation<Resource>> violations = VALIDATOR
                .forExecutables()
                .validateParameters(new Resource(), run, new Object[] {List.of("orders", "invoices")});
        assertEquals("resource", fields.first(violations).orElseThrow().named().field());
    }

    @Test
    void aBodyFieldIsNamedByItsJsonPathInSnakeCase() throws Exception {
        assertEquals("quantity", fieldOf("1", null, null, new Change(null, 0, null, null)));
        assertEquals("selling_plan_id", fieldOf("1", null, null, new Change("plan-2", null, null, null)));
        assertEquals(
                "delivery_address.country_code",
                fieldOf("1", null, null, new Change(null, null, new Address("1 Collins St", "Australia"), null)));
        assertEquals(
                "lines[1].billing_interval",
                fieldOf(
                        "1",
                        null,
                        null,
                        new Change(null, null, null, List.of(new Line("day"), new Line("fortnight")))));
    }

    @Test
    void aMissingBodyIsNamedBody() throws Exception {
        assertEquals("body", fieldOf("1", null, null, null));
    }

    @Test
    void ofSeveralTheFirstInTheRequestsOrderIsAnswered() throws Exception {
        // the parameters before the body, and the body's fields in their declared order, whatever the set's order
        assertEquals("id", fieldOf("12ab", "yesterday", 0, new Change("x", 0, null, null)));
        assertEquals("selling_plan_id", fieldOf("1", null, null, new Change("x", 0, new Address("", "A"), null)));
        assertEquals(
                "delivery_address.address1",
                fieldOf("1", null, null, new Change(null, null, new Address("", "A"), null)));
    }
}
