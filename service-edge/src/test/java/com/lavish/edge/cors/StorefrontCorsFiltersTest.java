package com.lavish.edge.cors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StorefrontCorsFiltersTest {

    @Test
    void configuredOriginsAreComparedAsBrowsersSendThem() {
        assertEquals(
                Set.of("https://lavishlibrary.com.au", "https://lavish-library.myshopify.com"),
                StorefrontCorsHeaders.normalise(
                        List.of(" https://LavishLibrary.com.au/ ", "https://lavish-library.myshopify.com", "")));
    }
}
