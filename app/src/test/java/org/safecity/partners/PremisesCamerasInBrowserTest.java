package org.safecity.partners;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.safecity.BrowserTest;
import org.safecity.Chromium;
import org.safecity.identity.Role;

/** A premises' manager adds a camera from the console's "My cameras" page in Chromium; a stream too small is refused there. */
class PremisesCamerasInBrowserTest extends BrowserTest {

    @RegisterExtension
    static final PremisesStreams STREAMS = new PremisesStreams();

    @Test
    void a_manager_adds_a_camera_by_its_rtsp_address_and_sees_a_refused_one_with_its_reason() {
        var created = as(Role.COMPLIANCE_OFFICER).post("/api/v1/premises", PremisesTest.school(PremisesTest.licence()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        var account = as(Role.COMPLIANCE_OFFICER).post("/api/v1/premises/" + id + "/manager-accounts", Map.of("displayName", "Gate keeper"));
        assertThat(account.status()).as(account.toString()).isEqualTo(201);
        chromium.signIn(port, account.json().get("username").asString(), account.json().get("oneTimePassword").asString());

        browser.get(url("/premises/cameras"));
        waitFor(d -> "true".equals(d.findElement(By.id("premises-cameras")).getAttribute("data-loaded")));
        browser.findElement(By.id("stream-name")).sendKeys("Back lane");
        browser.findElement(By.id("stream-address")).sendKeys(STREAMS.low());
        browser.findElement(By.cssSelector("#add-stream button[type=submit]")).click();
        waitFor(d -> d.findElement(By.id("cameras-notice")).getText().contains("640x360"));
        assertThat(browser.findElement(By.id("cameras-notice")).getText()).contains("requires at least 1280x720");

        browser.findElement(By.id("stream-name")).clear();
        browser.findElement(By.id("stream-name")).sendKeys("Main gate");
        browser.findElement(By.id("stream-address")).clear();
        browser.findElement(By.id("stream-address")).sendKeys(STREAMS.hd());
        browser.findElement(By.cssSelector("#add-stream button[type=submit]")).click();

        waitFor(d -> d.findElement(By.id("cameras-notice")).getText().contains("accepted"));
        assertThat(browser.findElement(By.id("cameras-notice")).getText()).contains("Main gate: accepted (H.264, 1280x720");
        waitFor(d -> d.findElements(By.cssSelector("#camera-rows tr")).size() == 1);
        assertThat(browser.findElement(By.cssSelector("#camera-rows tr")).getText()).contains("Main gate").contains("1280x720");
        assertThat(as(Role.COMPLIANCE_OFFICER).get("/api/v1/premises/" + id + "/cameras").json()).hasSize(1);
    }

    private static void waitFor(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Chromium.PATIENCE).ignoring(StaleElementReferenceException.class).until(condition);
    }
}
