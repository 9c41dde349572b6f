package org.safecity.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.safecity.BrowserTest;
import org.safecity.Chromium;
import org.safecity.TestDatabase;

/**
 * An administrator does the day's administration from the console in a real Chromium: creates a
 * field account and disables it, issues a device key (shown once) for a camera, puts a unit on the
 * roster and names its crew.
 */
class AdminInBrowserTest extends BrowserTest {

    private static void waitFor(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Chromium.PATIENCE).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    private static void loaded(String page) {
        waitFor(driver -> "true".equals(driver.findElement(By.id(page)).getDomAttribute("data-loaded")));
    }

    private static String row(String table, String attribute, String value) {
        return browser.findElement(By.cssSelector("#" + table + " tr[data-" + attribute + "='" + value + "']")).getText();
    }

    @Test
    void an_administrator_creates_an_account_issues_a_device_key_and_adds_a_unit_with_its_crew() {
        String serial = Long.toString(System.nanoTime() % 1_000_000);
        String username = "field.kht." + serial;
        chromium.signIn(port, "admin", TestDatabase.ADMIN_PASSWORD);

        browser.get(url("/admin/accounts"));
        loaded("admin-accounts");
        browser.findElement(By.name("username")).sendKeys(username);
        browser.findElement(By.name("displayName")).sendKeys("Constable Browser");
        browser.findElement(By.name("password")).sendKeys(passwordOf(username));
        browser.findElement(By.name("cityCode")).sendKeys("KHT");
        browser.findElement(By.cssSelector("input[name=roles][value=FIELD_UNIT]")).click();
        browser.findElement(By.id("account-save")).click();
        waitFor(driver -> !driver.findElements(By.cssSelector("#accounts-table tr[data-username='" + username + "']")).isEmpty());
        assertThat(row("accounts-table", "username", username)).contains("Constable Browser", "Field unit", "KHT", "Enabled");

        String camera = admin().get("/api/v1/cameras?city=PSH&size=1").json().get("items").get(0).get("id").asString();
        String device = "Edge box " + serial;
        browser.get(url("/admin/devices"));
        loaded("admin-devices");
        browser.findElement(By.name("name")).sendKeys(device);
        browser.findElement(By.name("cameraIds")).sendKeys(camera);
        browser.findElement(By.cssSelector("#device-form button[type=submit]")).click();
        waitFor(driver -> driver.findElement(By.id("issued-key")).isDisplayed());
        assertThat(browser.findElement(By.cssSelector("[data-issued=key]")).getText()).isNotBlank();
        waitFor(driver -> !driver.findElements(By.cssSelector("#devices-table tr[data-device='" + device + "']")).isEmpty());
        assertThat(row("devices-table", "device", device)).contains(camera, "Never", "Active");

        String callSign = "KHT-MOB-" + serial;
        browser.get(url("/admin/units"));
        loaded("admin-units");
        browser.findElement(By.name("callSign")).sendKeys(callSign);
        new Select(browser.findElement(By.name("type"))).selectByValue("AMBULANCE");
        browser.findElement(By.name("station")).sendKeys("Rescue 1122 Kohat");
        browser.findElement(By.name("cityCode")).sendKeys("KHT");
        browser.findElement(By.cssSelector("#unit-form button[type=submit]")).click();
        waitFor(driver -> !driver.findElements(By.cssSelector("#units-table tr[data-call-sign='" + callSign + "']")).isEmpty());
        assertThat(row("units-table", "call-sign", callSign)).contains("Ambulance", "Rescue 1122 Kohat", "KHT", "Available", "No crew");

        new Select(browser.findElement(By.name("unitId"))).selectByVisibleText(callSign);
        new Select(browser.findElement(By.name("accountId"))).selectByVisibleText(username + " (Constable Browser)");
        browser.findElement(By.cssSelector("#crew-form button[type=submit]")).click();
        waitFor(driver -> row("units-table", "call-sign", callSign).contains(username));

        browser.get(url("/admin/accounts"));
        loaded("admin-accounts");
        browser.findElement(By.cssSelector("#accounts-table tr[data-username='" + username + "'] button:nth-of-type(2)")).click();
        waitFor(driver -> row("accounts-table", "username", username).contains("Disabled"));
        assertThat(chromium.severeMessages()).isEmpty();
        chromium.screenshot("admin-accounts");
    }
}
