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
import org.safecity.partners.PartnerFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A compliance officer reads the dashboard in a real Chromium: totals, the trend chart, the tables and the overdue notices. */
class ComplianceInBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_compliance_officer_sees_the_tables_the_trend_chart_and_an_overdue_notice() {
        long id = new PartnerFixtures(admin(), anonymous).school();
        String number = jdbc.sql("select number from partners.notice where premises_id = ?").param(id).query(String.class).single();
        jdbc.sql("update partners.notice set deadline = now() - interval '1 day' where number = ?").param(number).update();
        String username = "browser.compliance." + System.nanoTime();
        String password = passwordOf(username);
        assertThat(admin().post("/api/v1/accounts", Map.of("username", username, "displayName", "Compliance Officer",
            "password", password, "roles", List.of("COMPLIANCE_OFFICER"), "cityCode", "PSH")).status()).isEqualTo(201);

        chromium.signIn(port, username, password);
        browser.get(url("/compliance"));
        waitFor(driver -> "true".equals(driver.findElement(By.id("compliance")).getDomAttribute("data-loaded")));
        assertThat(browser.findElement(By.id("compliance-notice")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("compliance")).getDomAttribute("data-weeks")).isEqualTo("12");
        assertThat(browser.findElement(By.id("by-city")).getText()).contains("PSH");
        assertThat(browser.findElement(By.id("by-category")).getText()).contains("SCHOOL");
        assertThat(browser.findElement(By.id("overdue")).getText()).contains(number);
        assertThat(browser.findElement(By.id("compliance-totals")).getText()).contains("Non compliant");
        Object drawn = ((org.openqa.selenium.JavascriptExecutor) browser)
            .executeScript("return Chart.getChart(document.getElementById('trend-chart')).data.datasets.length");
        assertThat(((Number) drawn).intValue()).isEqualTo(4);
        assertThat(browser.findElement(By.linkText("CSV of the trend")).getDomAttribute("href")).contains("table=trend");

        // the premises of the officer's city on the map, each a dot of its status's colour, on the base map that ships
        var officer = anonymous.signIn(username, password);
        var located = officer.get("/api/v1/premises/map");
        int expected = located.json().path("features").size();
        assertThat(expected).isPositive();
        var map = browser.findElement(By.id("premises-map"));
        assertThat(map.getDomAttribute("data-premises")).isEqualTo(Integer.toString(expected));
        assertThat(map.getDomAttribute("data-base")).isEqualTo("offline");
        assertThat(browser.findElement(By.id("premises-legend")).getText()).contains("Non compliant");

        // the overdue notices as CSV, the officer's own jurisdiction only
        String csv = officer.get("/api/v1/premises/compliance/notices/export?overdue=true").body();
        assertThat(csv).startsWith("number,premises,category,city,police_station,issued_at,deadline,status,overdue,penalty_pkr");
        assertThat(csv).contains(number);
        assertThat(browser.findElements(By.cssSelector("a[href*='notices/export']"))).hasSize(1);
        chromium.screenshot("compliance-dashboard");
    }

    private static void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Chromium.PATIENCE).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }
}
