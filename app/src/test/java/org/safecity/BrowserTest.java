package org.safecity;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Base of tests that drive the console in a real Chromium: one browser per test class, each test
 * starting signed out.
 */
public abstract class BrowserTest extends IntegrationTest {

    protected static Chromium chromium;
    protected static ChromeDriver browser;

    @BeforeAll
    static void openChromium() throws IOException {
        chromium = Chromium.open();
        browser = chromium.browser();
    }

    @AfterAll
    static void closeChromium() throws IOException {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    @BeforeEach
    void startSignedOut() {
        browser.manage().deleteAllCookies();
    }

    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
