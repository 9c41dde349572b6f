package org.safecity.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.safecity.BrowserTest;
import org.safecity.Chromium;
import org.safecity.partners.PartnerFixtures;

/** An inspector records a visit on a phone-sized window in a real Chromium: a refusal is shown as said, then the visit is stored. */
class InspectionInBrowserTest extends BrowserTest {

    @Test
    void an_inspector_ticks_the_checklist_writes_findings_and_records_a_failed_visit() {
        long id = new PartnerFixtures(admin(), anonymous).school();
        String username = "browser.inspector." + System.nanoTime();
        String password = passwordOf(username);
        assertThat(admin().post("/api/v1/accounts", Map.of("username", username, "displayName", "Inspector",
            "password", password, "roles", List.of("COMPLIANCE_OFFICER"), "cityCode", "PSH")).status()).isEqualTo(201);

        var size = browser.manage().window().getSize();
        try {
            browser.manage().window().setSize(new Dimension(390, 844));
            chromium.signIn(port, username, password);
            browser.get(url("/compliance/inspect?premises=" + id));
            waitFor(driver -> "true".equals(driver.findElement(By.id("inspect")).getDomAttribute("data-loaded")));
            assertThat(browser.findElement(By.id("visit")).isDisplayed()).isTrue();
            assertThat(browser.findElement(By.id("checklist")).getText()).contains("gate covered", "boundary wall covered");
            var boxes = browser.findElements(By.cssSelector("#checklist input[data-item]"));
            assertThat(boxes).hasSize(4);

            browser.findElement(By.cssSelector("input[name=outcome][value=FAILED]")).click();
            browser.findElement(By.cssSelector("#visit button[type=submit]")).click();
            waitFor(driver -> driver.findElement(By.id("inspect-notice")).isDisplayed());
            assertThat(browser.findElement(By.id("inspect-notice")).getText()).containsIgnoringCase("findings");
            assertThat(admin().get("/api/v1/premises/" + id + "/inspections").json()).isEmpty();

            boxes.get(0).click();
            browser.findElement(By.id("findings")).sendKeys("The boundary wall camera faces the street.");
            browser.findElement(By.cssSelector("input[name=outcome][value=FAILED]")).click();
            browser.findElement(By.cssSelector("#visit button[type=submit]")).click();
            waitFor(driver -> driver.findElement(By.id("inspect-notice")).getText().startsWith("Visit recorded"));
            chromium.screenshot("inspection-phone");
        } finally {
            browser.manage().window().setSize(size);
        }
        var visits = admin().get("/api/v1/premises/" + id + "/inspections").json();
        assertThat(visits).singleElement().satisfies(v -> {
            assertThat(v.get("outcome").asString()).isEqualTo("FAILED");
            assertThat(v.toString()).contains("The boundary wall camera faces the street.");
        });
    }

    private static void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Chromium.PATIENCE).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }
}
