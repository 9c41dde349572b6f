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
    void the_certificate_check_speaks_urdu_right_to_left_by_the_portals_switch_and_keeps_the_code() {
        browser.manage().deleteAllCookies();
        browser.get(url("/portal/premises/verify?c=PC-1-20260101T000000Z&s=forged"));
        waitFor(d -> "true".equals(d.findElement(By.id("premises-verify")).getDomAttribute("data-loaded")));
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("dir")).isEqualTo("ltr");
        assertThat(browser.findElement(By.cssSelector("#verdict h2")).getText())
            .isEqualTo("Not genuine: certificate PC-1-20260101T000000Z was not issued as printed");

        browser.findElement(By.id("language-switch")).click();

        waitFor(d -> d.getCurrentUrl().contains("lang=ur")
            && "true".equals(d.findElement(By.id("premises-verify")).getDomAttribute("data-loaded")));
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("dir")).isEqualTo("rtl");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("تعمیل کے سرٹیفکیٹ کی تصدیق");
        assertThat(browser.findElement(By.cssSelector("#verdict h2")).getText()).startsWith("اصلی نہیں").contains("PC-1-20260101T000000Z");
        assertThat(browser.getCurrentUrl()).contains("c=PC-1-20260101T000000Z", "s=forged");
        browser.manage().deleteAllCookies();
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

    @Test
    void an_operator_sees_the_premises_as_their_own_layer_of_the_map_and_a_manager_only_its_own() {
        String operator = "map.operator." + ProcessHandle.current().pid();
        assertThat(admin().post("/api/v1/accounts", java.util.Map.of("username", operator, "displayName", "Map operator",
            "password", passwordOf(operator), "roles", java.util.List.of("OPERATOR"), "scope", "province")).status()).isEqualTo(201);
        long all = as(Role.OPERATOR).get("/api/v1/premises/map").json().get("features").size();
        chromium.signIn(port, operator, passwordOf(operator));
        browser.get(url("/map"));
        waitFor(d -> ((Number) chromium.script("return window.SafeCityMap ? window.SafeCityMap.premisesDrawn() : 0")).longValue() > 0);
        assertThat(((Number) chromium.script("return window.SafeCityMap.premisesDrawn()")).longValue()).isGreaterThanOrEqualTo(all);
        assertThat(browser.findElement(By.cssSelector(".leaflet-control-layers")).getDomProperty("innerHTML")).contains("Commercial premises");

        var registered = admin().post("/api/v1/premises", PremisesTest.school(PremisesTest.licence()));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        long own = registered.json().get("id").asLong();
        String manager = "map.manager." + own;
        assertThat(admin().post("/api/v1/accounts", java.util.Map.of("username", manager, "displayName", "Map manager",
            "password", passwordOf(manager), "roles", java.util.List.of("PARTNER"), "scope", "province", "partnerId", own)).status())
            .isEqualTo(201);
        browser.manage().deleteAllCookies();
        chromium.signIn(port, manager, passwordOf(manager));
        browser.get(url("/map"));
        waitFor(d -> ((Number) chromium.script("return window.SafeCityMap ? window.SafeCityMap.premisesDrawn() : 0")).longValue() > 0);
        assertThat(((Number) chromium.script("return window.SafeCityMap.premisesDrawn()")).longValue()).isEqualTo(1);
    }

    private static void waitFor(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Chromium.PATIENCE).ignoring(StaleElementReferenceException.class).until(condition);
    }
}
