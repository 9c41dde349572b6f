package org.safecity.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.safecity.BrowserTest;
import org.safecity.SafeCityApi;
import tools.jackson.databind.JsonNode;

/**
 * The video wall's saved layouts, camera groups, sequences and second monitor in a real Chromium, and
 * times written one way on every page. The tiles' video itself is VideoWallInBrowserTest's business:
 * here it does not matter whether a camera's picture plays.
 */
class WallLayoutsInBrowserTest extends BrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(40);
    private static final AtomicInteger PEOPLE = new AtomicInteger();

    private SafeCityApi person;
    private String username;

    private void signIn(String... roles) {
        username = "wall.layouts." + ProcessHandle.current().pid() + "." + PEOPLE.incrementAndGet();
        String password = passwordOf(username);
        var created = admin().post("/api/v1/accounts", Map.of("username", username, "displayName", "Wall " + username,
            "password", password, "roles", List.of(roles), "cityCode", "PSH"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        person = anonymous.signIn(username, password);
        chromium.signIn(port, username, password);
    }

    private void openWall(String path) {
        browser.get(url(path));
        new WebDriverWait(browser, PATIENCE).until(driver -> "true".equals(driver.findElement(By.id("wall")).getDomAttribute("data-loaded"))
            && driver.findElement(By.id("wall")).getDomAttribute("data-layout-id") != null);
        assertThat(browser.findElement(By.id("video-notice")).isDisplayed()).as(browser.findElement(By.id("video-notice")).getText()).isFalse();
    }

    private WebElement wall() {
        return browser.findElement(By.id("wall"));
    }

    private List<Long> cameras(int count) {
        var items = person.get("/api/v1/video/cameras?city=PSH").json().get("items");
        assertThat(items.size()).as("Peshawar cameras with a stream").isGreaterThanOrEqualTo(count);
        return items.valueStream().limit(count).map(c -> c.get("cameraId").asLong()).toList();
    }

    private JsonNode savedLayout(long id) {
        return person.get("/api/v1/wall-layouts/" + id).json();
    }

    private void until(String what, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, PATIENCE).withMessage(what).until(driver -> condition.getAsBoolean());
    }

    @Test
    void a_layout_is_saved_on_the_server_and_comes_back_in_another_browser_session() {
        signIn("OPERATOR");
        openWall("/video");
        long first = Long.parseLong(wall().getDomAttribute("data-layout-id"));
        long camera = cameras(1).getFirst();

        browser.findElement(By.cssSelector(".video-sizes button[data-size='9']")).click();
        WebElement offer = browser.findElement(By.cssSelector("#wall .tile-offer[data-tile='8'] select[data-offer='camera']"));
        new Select(offer).selectByValue(Long.toString(camera));
        until("tile 9 shows the camera", () -> !browser.findElements(By.cssSelector("#wall .tile[data-tile='8'][data-camera-id='" + camera + "']")).isEmpty());
        until("saved on the server", () -> savedLayout(first).get("size").asInt() == 9
            && savedLayout(first).get("tiles").get(8).path("cameraId").asLong() == camera);

        // a second layout, made from the first, then back to the first
        WebElement name = browser.findElement(By.cssSelector("#layout-form input[name=name]"));
        name.sendKeys("Evening watch");
        browser.findElement(By.cssSelector("#layout-form button[type=submit]")).click();
        until("the new layout is on the wall", () -> !Long.toString(first).equals(wall().getDomAttribute("data-layout-id")));
        long evening = Long.parseLong(wall().getDomAttribute("data-layout-id"));
        assertThat(savedLayout(evening).get("name").asString()).isEqualTo("Evening watch");
        browser.findElement(By.cssSelector(".video-sizes button[data-size='1']")).click();
        until("the evening layout saved at 1 tile", () -> savedLayout(evening).get("size").asInt() == 1);
        new Select(browser.findElement(By.id("layout-select"))).selectByValue(Long.toString(first));
        until("the first layout again", () -> "9".equals(wall().getDomAttribute("data-size")));
        chromium.screenshot("wall-layout-9");

        // the browser forgets everything; the server does not
        browser.manage().deleteAllCookies();
        chromium.script("localStorage.clear()");
        chromium.signIn(port, username, passwordOf(username));
        openWall("/video?layout=" + evening);
        assertThat(wall().getDomAttribute("data-size")).isEqualTo("1");
        assertThat(new Select(browser.findElement(By.id("layout-select"))).getOptions()).hasSize(2);
        openWall("/video?layout=" + first);
        assertThat(wall().getDomAttribute("data-size")).isEqualTo("9");
        assertThat(browser.findElements(By.cssSelector("#wall .tile[data-tile='8'][data-camera-id='" + camera + "']"))).hasSize(1);
    }

    @Test
    void every_one_of_sixteen_tiles_shows_a_camera_or_offers_one() {
        signIn("OPERATOR");
        openWall("/video");
        browser.findElement(By.cssSelector(".video-sizes button[data-size='16']")).click();

        List<WebElement> tiles = wall().findElements(By.cssSelector(":scope > .tile"));
        assertThat(tiles).hasSize(16);
        int offered = 0;
        for (WebElement tile : tiles) {
            if (tile.getDomAttribute("data-camera-id") == null) {
                var choice = new Select(tile.findElement(By.cssSelector("select[data-offer='camera']")));
                assertThat(choice.getOptions()).as("a free tile offers the cameras").hasSizeGreaterThan(16);
                offered++;
            }
        }
        System.out.printf("video wall of 16: %d tiles show a camera, %d offer one%n", 16 - offered, offered);
        // fill every free tile from its own offer: all 16 are usable at once
        var ids = cameras(16);
        for (int i = 0; i < 16; i++) {
            var free = browser.findElements(By.cssSelector("#wall .tile-offer[data-tile='" + i + "'] select[data-offer='camera']"));
            if (!free.isEmpty()) {
                long id = ids.get(i);
                new Select(free.getFirst()).selectByValue(Long.toString(id));
            }
        }
        until("16 camera tiles", () -> wall().findElements(By.cssSelector(":scope > .tile[data-camera-id]")).size() == 16);
        long layout = Long.parseLong(wall().getDomAttribute("data-layout-id"));
        until("all 16 saved", () -> savedLayout(layout).get("tiles").valueStream().filter(t -> t.has("cameraId")).count() == 16);
        chromium.screenshot("wall-16");
    }

    @Test
    void a_group_in_sequence_cycles_a_tile_and_then_the_whole_wall_through_its_cameras() {
        signIn("OPERATOR");
        var ids = cameras(6);
        var group = person.post("/api/v1/camera-groups", Map.of("name", "Saddar bazaar " + System.nanoTime(), "kind", "ROUTE",
            "cameraIds", ids));
        assertThat(group.status()).as(group.toString()).isEqualTo(201);
        long groupId = group.json().get("id").asLong();
        openWall("/video");
        browser.findElement(By.cssSelector(".video-sizes button[data-size='4']")).click();
        new Select(browser.findElement(By.id("sequence-seconds"))).selectByValue("5");

        browser.findElement(By.cssSelector("#wall .tile[data-tile='0']")).click();
        browser.findElement(By.cssSelector("#group-list li[data-group-id='" + groupId + "'] button[data-cycle='tile']")).click();
        Set<String> seen = new HashSet<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(13).toNanos();
        while (System.nanoTime() < deadline && seen.size() < 3) {
            Object shown = chromium.script("return document.querySelector(\"#wall > .tile[data-tile='0'][data-sequence-group='" + groupId
                + "']\")?.dataset.cameraId ?? null");
            if (shown != null) {
                seen.add(shown.toString());
            }
            sleep(Duration.ofMillis(400));
        }
        assertThat(seen).as("cameras tile 1 showed in 13 s, one every 5 s").hasSizeGreaterThanOrEqualTo(2)
            .allMatch(id -> ids.contains(Long.parseLong(id)));
        long layout = Long.parseLong(wall().getDomAttribute("data-layout-id"));
        until("the tile's sequence is saved", () -> savedLayout(layout).get("tiles").get(0).path("groupId").asLong() == groupId);

        browser.findElement(By.cssSelector("#group-list li[data-group-id='" + groupId + "'] button[data-cycle='wall']")).click();
        until("the wall cycles", () -> Long.toString(groupId).equals(wall().getDomAttribute("data-sequence")));
        until("a page of the group", () -> shownCameras().size() == 4);
        var page = shownCameras();
        assertThat(page).as("a page of the group at a time").hasSize(4).allMatch(id -> ids.contains(Long.parseLong(id)));
        until("the next page", () -> !shownCameras().equals(page));
        chromium.screenshot("wall-sequence");
        browser.findElement(By.id("sequence-stop")).click();
        until("the sequence stops", () -> "".equals(wall().getDomAttribute("data-sequence")));
        until("and is saved stopped", () -> !savedLayout(layout).hasNonNull("sequence"));
    }

    @Test
    void a_layout_over_two_monitors_opens_its_second_screen_as_a_window_that_follows_the_first() {
        signIn("OPERATOR");
        var ids = cameras(8);
        openWall("/video");
        String main = browser.getWindowHandle();
        browser.findElement(By.id("layout-screens")).click();
        until("two screens", () -> "2".equals(wall().getDomAttribute("data-screens")));
        long layout = Long.parseLong(wall().getDomAttribute("data-layout-id"));
        until("saved with two screens", () -> savedLayout(layout).get("screens").asInt() == 2);

        browser.findElement(By.id("open-second")).click();
        until("a second window", () -> browser.getWindowHandles().size() == 2);
        String second = browser.getWindowHandles().stream().filter(h -> !h.equals(main)).findFirst().orElseThrow();
        browser.switchTo().window(second);
        new WebDriverWait(browser, PATIENCE).until(driver -> "true".equals(driver.findElement(By.id("wall")).getDomAttribute("data-loaded")));
        assertThat(browser.getCurrentUrl()).contains("screen=2", "layout=" + layout);
        assertThat(browser.findElement(By.cssSelector(".video-page")).getDomAttribute("data-screen")).isEqualTo("2");
        assertThat(browser.findElement(By.cssSelector(".video-side")).isDisplayed()).as("video only").isFalse();
        assertThat(wall().findElements(By.cssSelector(":scope > .tile"))).hasSize(4);
        assertThat(wall().findElements(By.cssSelector(":scope > .tile")).stream().map(t -> t.getDomAttribute("data-tile")).toList())
            .as("the layout's second part").containsExactly("4", "5", "6", "7");
        // a camera chosen on the second screen is saved into the layout's second part
        new Select(browser.findElement(By.cssSelector("#wall .tile-offer[data-tile='5'] select[data-offer='camera']"))).selectByValue(ids.get(5).toString());
        until("saved on the second part", () -> savedLayout(layout).get("tiles").get(5).path("cameraId").asLong() == ids.get(5));
        chromium.screenshot("wall-second-screen");

        // the first window changes the layout; the second follows at once, without reloading
        browser.switchTo().window(main);
        until("the first window heard of the second's camera", () -> savedLayout(layout).get("tiles").get(5).path("cameraId").asLong() == ids.get(5));
        browser.findElement(By.cssSelector(".video-sizes button[data-size='9']")).click();
        browser.switchTo().window(second);
        until("the second screen has 9 tiles too", () -> "9".equals(wall().getDomAttribute("data-size"))
            && wall().findElements(By.cssSelector(":scope > .tile")).size() == 9);
        assertThat(wall().findElements(By.cssSelector(":scope > .tile[data-tile='10'][data-camera-id='" + ids.get(5) + "']")))
            .as("the second screen keeps its camera when the size changes").hasSize(1);
        browser.close();
        browser.switchTo().window(main);
        until("both parts saved at 9", () -> savedLayout(layout).get("tiles").size() == 18);
    }

    /** The cameras the wall's tiles show, read at one moment (tiles are replaced as a sequence steps). */
    private List<String> shownCameras() {
        return ((List<?>) chromium.script("return [...document.querySelectorAll('#wall > .tile[data-camera-id]')].map(t => t.dataset.cameraId)"))
            .stream().map(String::valueOf).toList();
    }

    private static final Pattern US_DATE = Pattern.compile("\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b");
    private static final Pattern TWELVE_HOUR = Pattern.compile("\\d{1,2}:\\d{2}(:\\d{2})?\\s?(AM|PM|am|pm)\\b");
    private static final Pattern OURS = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} PKT");

    @Test
    void no_page_shows_a_date_in_the_browsers_us_format_and_times_are_written_one_way() {
        signIn("ADMIN", "OPERATOR", "SUPERVISOR", "INVESTIGATOR", "TRAFFIC_REVIEWER", "DISPATCHER");
        long camera = cameras(1).getFirst();
        Instant at = Instant.parse("2026-12-04T16:05:33Z");
        var pages = List.of("/video/playback?camera=" + camera + "&at=" + at, "/vehicles", "/watchlists", "/figures", "/challans",
            "/challans/reports", "/alerts", "/incidents", "/admin/devices", "/admin/units", "/rollout", "/portal/challans");
        for (String path : pages) {
            browser.get(url(path));
            sleep(Duration.ofMillis(1500)); // the page's script fills it in
            assertThat(browser.findElements(By.cssSelector("input[type=date], input[type=datetime-local], input[type=time], input[type=month]")))
                .as("%s: the browser writes such fields in its own locale's format", path).isEmpty();
            String text = browser.findElement(By.tagName("body")).getText();
            var values = browser.findElements(By.cssSelector("input")).stream().map(i -> i.getDomProperty("value")).toList();
            assertThat(US_DATE.matcher(text).find()).as("%s shows a US date: %s", path, text).isFalse();
            assertThat(TWELVE_HOUR.matcher(text).find()).as("%s shows a 12-hour time", path).isFalse();
            assertThat(values).as(path).noneMatch(v -> v != null && (US_DATE.matcher(v).find() || TWELVE_HOUR.matcher(v).find()));
        }
        // playback writes the moment it was opened for in Pakistan time, in the one format, in its fields and on its timeline
        browser.get(url("/video/playback?camera=" + camera + "&at=" + at));
        until("the playback page has loaded", () -> "true".equals(browser.findElement(By.id("playback")).getDomAttribute("data-loaded")));
        assertThat(browser.findElement(By.cssSelector("#range-form [name=at]")).getDomProperty("value")).isEqualTo("2026-12-04 21:05:33");
        assertThat(browser.findElement(By.id("timeline-from")).getText()).matches(OURS.pattern()).isEqualTo("2026-12-04 21:00:33 PKT");
        assertThat(browser.findElement(By.cssSelector("#clip-form [name=from]")).getDomProperty("value")).isEqualTo("2026-12-04 21:05:03");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
