package com.lavish.edge.caching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CacheDirectivesFilterTest {

    @CacheDirectives("private, no-store")
    static class Personal {
        public void profile() {}

        @CacheDirectives("no-store")
        public void token() {}
    }

    static class Unsaid {
        public void anything() {}
    }

    @Test
    void aMethodsOwnDirectivesWinOverItsClasss() throws Exception {
        assertEquals(Optional.of("no-store"), CacheDirectivesFilter.header(Personal.class.getMethod("token")));
        assertEquals(
                Optional.of("private, no-store"), CacheDirectivesFilter.header(Personal.class.getMethod("profile")));
    }

    @Test
    void aMethodWithoutDirectivesGetsNoHeader() throws Exception {
        assertEquals(Optional.empty(), CacheDirectivesFilter.header(Unsaid.class.getMethod("anything")));
    }
}
