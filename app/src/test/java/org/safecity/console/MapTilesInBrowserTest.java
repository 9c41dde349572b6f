package org.safecity.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.safecity.BrowserTest;
import org.safecity.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The operations map over the streets of a tile server named in configuration (the Authority's own
 * OpenStreetMap tiles, here a tile server the test starts): the map asks it for the tiles of the city
 * shown, draws them under the cameras, and gives the server's credit.
 */
class MapTilesInBrowserTest extends BrowserTest {

    private static final List<String> ASKED = new CopyOnWriteArrayList<>();
    private static HttpServer tiles;

    @DynamicPropertySource
    static void tileServer(DynamicPropertyRegistry properties) throws IOException {
        byte[] tile = tile();
        tiles = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        tiles.createContext("/tiles/", exchange -> {
            ASKED.add(exchange.getRequestURI().getPath());
            boolean wellFormed = exchange.getRequestURI().getPath().matches("/tiles/\\d+/\\d+/\\d+\\.png");
            exchange.getResponseHeaders().add("Content-Type", "image/png");
            exchange.sendResponseHeaders(wellFormed ? 200 : 404, wellFormed ? tile.length : -1);
            if (wellFormed) {
                exchange.getResponseBody().write(tile);
            }
            exchange.close();
        });
        tiles.start();
        properties.add("safecity.map.tile-url", () -> "http://127.0.0.1:" + tiles.getAddress().getPort() + "/tiles/{z}/{x}/{y}.png");
        properties.add("safecity.map.tile-attribution", () -> "Streets: the Authority's tile server");
    }

    @AfterAll
    static void stopTileServer() {
        tiles.stop(0);
    }

    @Test
    void the_map_draws_the_city_on_the_configured_tile_servers_streets_and_credits_it() {
        chromium.signIn(port, "admin", TestDatabase.ADMIN_PASSWORD);
        browser.get(url("/map?city=PSH"));
        var map = new WebDriverWait(browser, Duration.ofSeconds(30))
            .until(driver -> "true".equals(driver.findElement(By.id("map")).getDomAttribute("data-loaded")) ? driver.findElement(By.id("map")) : null);

        assertThat(map.getDomAttribute("data-base")).isEqualTo("tiles");
        // tiles of the city shown, drawn: loaded images from the server under the cameras
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> (Long) chromium.script(
            "return document.querySelectorAll('#map img.leaflet-tile-loaded').length") > 0);
        long drawn = (Long) chromium.script("return [...document.querySelectorAll('#map img.leaflet-tile-loaded')]"
            + ".filter(t => t.src.includes('/tiles/') && t.naturalWidth === 256).length");
        assertThat(drawn).isPositive();
        int zoom = ((Long) chromium.script("return Number(document.querySelector('#map img.leaflet-tile-loaded').src.split('/tiles/')[1].split('/')[0])"))
            .intValue();
        assertThat(zoom).as("tiles at a city's zoom, not the world's").isGreaterThanOrEqualTo(10);
        assertThat(ASKED).allMatch(path -> path.matches("/tiles/\\d+/\\d+/\\d+\\.png"));
        assertThat(browser.findElement(By.cssSelector("#map .leaflet-control-attribution")).getText())
            .contains("Streets: the Authority's tile server");
        assertThat(browser.findElement(By.id("map-notice")).isDisplayed()).as("no fallback to the shipped base map").isFalse();
        assertThat(chromium.severeMessages()).isEmpty();
        chromium.screenshot("map-tiles");
    }

    /** A street-coloured 256-pixel tile. */
    private static byte[] tile() {
        var image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(0xF2EFE9));
        g.fillRect(0, 0, 256, 256);
        g.setColor(Color.WHITE);
        g.fillRect(0, 120, 256, 16);
        g.dispose();
        try (var out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
