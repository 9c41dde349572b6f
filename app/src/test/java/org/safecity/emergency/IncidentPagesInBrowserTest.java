package org.safecity.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.safecity.Chromium;
import org.safecity.BrowserTest;
import org.safecity.SafeCityApi;

/**
 * The emergency pages in a real Chromium: a dispatcher sends the recommended unit from the
 * incident page and sees the change arrive live; a call-taker opens an incident from the form.
 */
class IncidentPagesInBrowserTest extends BrowserTest {

    private String username;
    private String password;
    private SafeCityApi dispatcher;

    @BeforeEach
    void aKohatDispatcherSignsIn() {
        username = Scene.unique("dispatcher").toLowerCase().replace(' ', '-');
        password = passwordOf(username);
        var created = admin().post("/api/v1/accounts", Map.of("username", username, "displayName", "Dispatcher " + username,
            "password", password, "roles", List.of("DISPATCHER", "OPERATOR"), "cityCode", Scene.CITY));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        dispatcher = anonymous.signIn(username, password);
        chromium.signIn(port, username, password);
    }

    @Test
    void a_dispatcher_sends_the_recommended_unit_from_the_incident_page_and_sees_later_changes_live() {
        var scene = Scene.fresh(dispatcher);
        long nearest = scene.unit("POLICE_CAR", scene.at(300, 90));
        long further = scene.unit("POLICE_MOTORCYCLE", scene.at(1_800, 200));
        long id = scene.incident("ROBBERY", scene.spot).get("id").asLong();

        browser.get(url("/incidents/" + id));
        WebElement page = loaded("incident");
        var offered = browser.findElements(By.cssSelector("#recommendations li[data-unit-id]"));
        assertThat(offered).extracting(li -> li.getDomAttribute("data-unit-id"))
            .startsWith(String.valueOf(nearest), String.valueOf(further));
        assertThat(offered.getFirst().findElement(By.name("unit")).isSelected()).isTrue();
        assertThat(browser.findElements(By.cssSelector("#cameras li"))).isNotEmpty();
        chromium.screenshot("incident-before-dispatch");

        browser.findElement(By.id("dispatch-button")).click();

        new WebDriverWait(browser, Chromium.PATIENCE).until(driver ->
            "DISPATCHED".equals(driver.findElement(By.id("incident-status")).getDomAttribute("data-status")));
        assertThat(browser.findElement(By.cssSelector("#assigned li[data-unit-id='" + nearest + "']")).getText()).contains("Dispatched");
        assertThat(dispatcher.get("/api/v1/units/" + nearest).json().get("status").asString()).isEqualTo("DISPATCHED");
        assertThat(dispatcher.get("/api/v1/units/" + further).json().get("status").asString()).isEqualTo("AVAILABLE");
        assertThat(page.findElement(By.id("timeline")).getText()).contains("dispatched");

        dispatcher.post("/api/v1/incidents/" + id + "/notes", Map.of("text", "caller says two men on a motorcycle"));

        new WebDriverWait(browser, Chromium.PATIENCE).until(driver ->
            driver.findElement(By.id("timeline")).getText().contains("two men on a motorcycle"));
        assertThat(chromium.severeMessages()).isEmpty();
        chromium.screenshot("incident-dispatched");
    }

    @Test
    void resolving_from_the_incident_page_asks_how_it_ended_and_keeps_the_answer() {
        var scene = Scene.fresh(dispatcher);
        long id = scene.incident("ROBBERY", scene.spot).get("id").asLong();
        browser.get(url("/incidents/" + id));
        loaded("incident");

        browser.findElement(By.id("resolve-button")).click();
        WebElement ending = browser.findElement(By.id("ending-form"));
        assertThat(ending.isDisplayed()).isTrue();
        new WebDriverWait(browser, Chromium.PATIENCE).until(d -> ending.findElements(By.cssSelector("option")).size() > 5);
        new Select(ending.findElement(By.name("disposition"))).selectByVisibleText("False alarm");
        ending.findElement(By.name("note")).sendKeys("caller's alarm went off by itself");
        browser.findElement(By.id("ending-submit")).click();

        new WebDriverWait(browser, Chromium.PATIENCE).until(driver ->
            "RESOLVED".equals(driver.findElement(By.id("incident-status")).getDomAttribute("data-status")));
        assertThat(browser.findElement(By.id("incident-status")).getDomProperty("textContent")).contains("False alarm");
        assertThat(browser.findElement(By.id("ending-form")).isDisplayed()).isFalse();
        var stored = dispatcher.get("/api/v1/incidents/" + id).json();
        assertThat(stored.get("disposition").get("code").asString()).isEqualTo("FALSE_ALARM");
        assertThat(stored.get("timeline").toString()).contains("False alarm", "caller's alarm went off by itself");
        assertThat(chromium.severeMessages()).isEmpty();
    }

    @Test
    void an_unknown_incident_shows_not_found_and_nothing_to_act_on() {
        browser.get(url("/incidents/987654321"));
        WebElement page = loaded("incident");

        assertThat(page.getDomAttribute("data-not-found")).isEqualTo("true");
        assertThat(page.getText()).contains("There is no incident 987654321");
        assertThat(browser.findElements(By.cssSelector("#incident button"))).isEmpty();
        assertThat(browser.findElements(By.id("dispatch-button"))).isEmpty();
    }

    @Test
    void a_call_taker_opens_an_incident_from_the_form_and_it_appears_on_the_board() {
        var scene = Scene.fresh(dispatcher);
        browser.get(url("/incidents/new"));
        loaded("call-taker");

        browser.findElement(By.name("callerName")).sendKeys("Shah Wali");
        browser.findElement(By.name("callerNumber")).sendKeys("0333-9876543");
        new Select(browser.findElement(By.name("type"))).selectByValue("FIRE");
        browser.findElement(By.name("address")).sendKeys("Bannu Road");
        browser.findElement(By.name("landmark")).sendKeys("near the grain market");
        browser.findElement(By.name("lat")).sendKeys(String.valueOf(scene.spot.lat()));
        browser.findElement(By.name("lon")).sendKeys(String.valueOf(scene.spot.lon()));
        browser.findElement(By.name("description")).sendKeys("Shop on fire, smoke across the road");
        chromium.screenshot("call-taker");
        browser.findElement(By.cssSelector("#call-form button[type=submit]")).click();

        new WebDriverWait(browser, Chromium.PATIENCE).until(driver -> driver.getCurrentUrl().matches(".*/incidents/\\d+$"));
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/incidents/", ""));
        loaded("incident");
        var incident = dispatcher.get("/api/v1/incidents/" + id).json();
        assertThat(incident.get("type").asString()).isEqualTo("FIRE");
        assertThat(incident.get("priority").asString()).isEqualTo("P1");
        assertThat(incident.get("landmark").asString()).isEqualTo("near the grain market");
        assertThat(incident.get("cityCode").asString()).isEqualTo(Scene.CITY);

        browser.get(url("/incidents"));
        loaded("board");
        assertThat(browser.findElements(By.cssSelector("#incident-rows tr[data-incident-id='" + id + "']"))).hasSize(1);
        assertThat(chromium.severeMessages()).isEmpty();
        chromium.screenshot("incident-board");
    }

    private WebElement loaded(String pageId) {
        var page = browser.findElement(By.id(pageId));
        new WebDriverWait(browser, Chromium.PATIENCE).until(driver -> "true".equals(page.getDomAttribute("data-loaded")));
        return page;
    }

}
