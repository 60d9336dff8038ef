package com.lavish.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test with a fresh Chromium (a first visit: no cache, no cookies) against the local suite. The page as the test
 * left it is saved as {@code target/screenshots/<class>-<test>-end.png}, pass or fail, for a person to look at.
 */
@ExtendWith(LocalSuite.class)
abstract class BrowserTest {

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser();
    }

    @AfterEach
    void closeBrowser(TestInfo test) {
        try {
            browser.console(java.util.logging.Level.WARNING).forEach(line -> System.err.println("console: " + line));
            browser.screenshot(getClass().getSimpleName() + "-"
                    + test.getTestMethod().map(m -> m.getName()).orElse("test") + "-end");
        } finally {
            browser.close();
        }
    }
}
