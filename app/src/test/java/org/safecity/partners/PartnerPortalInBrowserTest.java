package org.safecity.partners;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.safecity.BrowserTest;
import org.safecity.Chromium;
import org.safecity.identity.Role;

/** A premises' manager applies through the partner portal in Chromium, without an account. */
class PartnerPortalInBrowserTest extends BrowserTest {

    @Test
    void a_manager_applies_for_a_premises_and_the_authority_finds_it_pending() {
        String licence = PremisesTest.licence();
        browser.get(url("/portal/premises/apply"));
        waitFor(d -> d.findElements(By.cssSelector("#category option")).size() >= 9);
        browser.findElement(By.id("name")).sendKeys("Shama Filling Station (test)");
        new Select(browser.findElement(By.id("category"))).selectByValue("PETROL_STATION");
        browser.findElement(By.id("licenceNumber")).sendKeys(licence);
        browser.findElement(By.id("ownerNtn")).sendKeys("1234567-8");
        browser.findElement(By.id("address")).sendKeys("Ring Road, Peshawar");
        browser.findElement(By.id("lat")).sendKeys("33.9820");
        browser.findElement(By.id("lon")).sendKeys("71.5350");
        browser.findElement(By.id("contactName")).sendKeys("Test manager");
        browser.findElement(By.id("contactPhone")).sendKeys("+92 91 7654321");
        browser.executeScript("arguments[0].value = '2026-01-01'", browser.findElement(By.id("actAppliesFrom")));
        browser.findElement(By.cssSelector("#apply button[type=submit]")).click();

        waitFor(d -> d.findElement(By.id("apply-message")).getText().contains("is received"));
        assertThat(browser.findElement(By.id("apply")).isDisplayed()).isFalse();
        var pending = as(Role.COMPLIANCE_OFFICER).get("/api/v1/premises?status=PENDING&size=1000").json().get("items").valueStream()
            .filter(p -> p.get("licenceNumber").asString().equals(licence)).toList();
        assertThat(pending).singleElement().satisfies(p -> assertThat(p.get("name").asString()).isEqualTo("Shama Filling Station (test)"));
    }

    @Test
    void an_application_with_a_wrong_field_is_refused_in_words_and_the_form_stays() {
        browser.get(url("/portal/premises/apply"));
        waitFor(d -> d.findElements(By.cssSelector("#category option")).size() >= 9);
        browser.findElement(By.id("name")).sendKeys("Incomplete Plaza (test)");
        browser.findElement(By.id("ownerNtn")).sendKeys("12");
        browser.findElement(By.cssSelector("#apply button[type=submit]")).click();

        waitFor(d -> !d.findElement(By.id("apply-message")).getText().isBlank());
        assertThat(browser.findElement(By.id("apply-message")).getText()).containsAnyOf("is required", "must be");
        assertThat(browser.findElement(By.id("apply")).isDisplayed()).isTrue();
    }

    private static void waitFor(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Chromium.PATIENCE).ignoring(StaleElementReferenceException.class).until(condition);
    }
}
