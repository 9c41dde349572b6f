package org.safecity.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.safecity.BrowserTest;

/**
 * The citizen portal in a real Chromium whose user asks for Urdu first: the page is Urdu, laid out
 * right to left, drawn in the Naskh font SafeCity serves (not one the machine may lack), and the
 * switch turns it to English and back. Screenshots land in target/screenshots.
 */
class PortalInUrduInBrowserTest extends BrowserTest {

    /** The language switch sits at the end of the header bar the page's direction ends at. */
    private static final String SWITCH_AT_THE_END = """
        const bar = document.querySelector('.portal-bar').getBoundingClientRect();
        const link = document.getElementById('language-switch').getBoundingClientRect();
        return document.documentElement.dir === 'rtl' ? link.left - bar.left < 40 : bar.right - link.right < 40;""";

    @Test
    void a_browser_asking_for_urdu_gets_the_portal_in_urdu_right_to_left_in_the_shipped_font_and_can_switch() {
        String userAgent = (String) chromium.script("return navigator.userAgent;");
        browser.executeCdpCommand("Network.setUserAgentOverride", Map.of("userAgent", userAgent, "acceptLanguage", "ur-PK,ur,en"));
        try {
            browser.get(url("/portal/challans"));
            assertThat(chromium.script("return navigator.languages[0];")).isEqualTo("ur-PK");
            assertThat(chromium.script("return document.documentElement.lang;")).isEqualTo("ur");
            assertThat(chromium.script("return document.documentElement.dir;")).isEqualTo("rtl");
            assertThat(chromium.script("return getComputedStyle(document.querySelector('#portal-challans h1')).direction;")).isEqualTo("rtl");
            assertThat(browser.findElement(By.cssSelector("#portal-challans h1")).getText()).isEqualTo("اپنے چالان تلاش کریں");
            // right to left: the heading's text starts at the right edge of the column
            assertThat((Boolean) chromium.script("""
                const main = document.querySelector('#portal-challans').getBoundingClientRect();
                const range = document.createRange();
                range.selectNodeContents(document.querySelector('#portal-challans h1'));
                const text = range.getBoundingClientRect();
                return main.right - text.right < 40 && text.left - main.left > 100;"""))
                .as("the heading hugs the right side").isTrue();
            assertThat((Boolean) chromium.script(SWITCH_AT_THE_END)).as("the switch at the far (left) end of the bar").isTrue();

            waitUntil("the shipped Naskh face is loaded", """
                return [...document.fonts].some(f => f.family.replaceAll('"', '') === 'SafeCity Naskh' && f.status === 'loaded');""");
            assertThat(chromium.script("return document.fonts.check('17px \"SafeCity Naskh\"', 'گل محمد خان');")).isEqualTo(true);
            assertThat(chromium.script("""
                return performance.getEntriesByType('resource').some(r => r.name.endsWith('/fonts/NotoNaskhArabic-Regular.ttf'));"""))
                .as("the font came from SafeCity itself").isEqualTo(true);
            chromium.screenshot("portal-urdu");

            browser.findElement(By.id("language-switch")).click();
            waitUntil("English", "return document.documentElement.lang === 'en';");
            assertThat(chromium.script("return document.documentElement.dir;")).isEqualTo("ltr");
            assertThat(browser.findElement(By.cssSelector("#portal-challans h1")).getText()).isEqualTo("Find your challans");
            assertThat((Boolean) chromium.script(SWITCH_AT_THE_END)).as("the switch at the far (right) end of the bar").isTrue();
            browser.get(url("/portal/verify"));
            assertThat(chromium.script("return document.documentElement.lang;")).as("the choice is remembered").isEqualTo("en");
            chromium.screenshot("portal-english-after-switch");

            browser.findElement(By.id("language-switch")).click();
            waitUntil("Urdu again", "return document.documentElement.lang === 'ur';");
            waitUntil("the verdict", "return document.getElementById('portal-verify').dataset.loaded === 'true';");
            assertThat(browser.findElement(By.id("verdict")).getText()).contains("نوٹس پر موجود QR کوڈ اسکین کریں");
            assertThat(chromium.severeMessages()).isEmpty();
        } finally {
            browser.executeCdpCommand("Network.setUserAgentOverride", Map.of("userAgent", userAgent, "acceptLanguage", "en-US,en"));
        }
    }

    private static void waitUntil(String what, String script) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).withMessage(what)
            .until(d -> Boolean.TRUE.equals(chromium.script(script)));
    }
}
