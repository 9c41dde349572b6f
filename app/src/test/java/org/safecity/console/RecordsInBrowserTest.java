package org.safecity.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.safecity.BrowserTest;
import org.safecity.Chromium;
import org.safecity.traffic.Roadside;

/**
 * An investigator types a name into the search box every page's header carries, gives a purpose,
 * finds the person in both spellings, opens the profile and sees where each value came from.
 */
class RecordsInBrowserTest extends BrowserTest {

    @Test
    void an_investigator_searches_from_the_header_and_opens_a_person_s_profile() {
        String cnic = Roadside.cnic();
        String plate = Roadside.plate();
        String code = "browser-" + System.nanoTime() % 1_000_000;
        var source = admin().post("/api/v1/records/sources", Map.of("code", code, "name", "Excise browser feed", "owner", "Excise & Taxation",
            "retentionDays", 3650, "kinds", List.of("VEHICLE")));
        assertThat(source.status()).as(source.toString()).isEqualTo(201);
        var imported = admin().post("/api/v1/records/sources/" + source.json().get("id").asLong() + "/imports", "text/csv",
            "id,plate,make,model,colour,ownerName,ownerNameUrdu,ownerCnic\nB-1," + plate + ",Honda,CD70,red,Muhammad Khan,محمد خان," + cnic + "\n");
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        String username = "browser.records." + System.nanoTime();
        assertThat(admin().post("/api/v1/accounts", Map.of("username", username, "displayName", "SI Browser", "password", passwordOf(username),
            "roles", List.of("INVESTIGATOR"), "scope", "province")).status()).isEqualTo(201);

        chromium.signIn(port, username, passwordOf(username));
        browser.get(url("/map"));
        browser.findElement(By.cssSelector("form.shell-search input[name=q]")).sendKeys(cnic.replace("-", ""));
        browser.findElement(By.cssSelector("form.shell-search button")).click();
        waitFor(driver -> "true".equals(driver.findElement(By.id("search-page")).getDomAttribute("data-loaded")));
        browser.findElement(By.cssSelector("#records-search input[name=purpose]")).sendKeys("FIR 88/2026 motorcycle theft");
        browser.findElement(By.cssSelector("#records-search button[type=submit]")).click();
        waitFor(driver -> driver.findElement(By.id("search-results")).getText().contains("Muhammad Khan"));
        assertThat(browser.findElement(By.cssSelector("section[data-type=vehicle]")).getText()).contains(plate);
        chromium.screenshot("records-search");

        browser.findElement(By.cssSelector("section[data-type=person] a")).click();
        waitFor(driver -> "true".equals(driver.findElement(By.id("profile-page")).getDomAttribute("data-loaded"))
            && driver.findElement(By.id("profile-body")).getText().contains(cnic));
        assertThat(browser.findElement(By.id("profile-title")).getText()).isEqualTo("Muhammad Khan");
        assertThat(browser.findElement(By.id("profile-body")).getText()).contains("محمد خان", code + " B-1", plate, "Excise browser feed");
        chromium.screenshot("records-profile");
        assertThat(chromium.severeMessages()).isEmpty();
    }

    private static void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Chromium.PATIENCE).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }
}
