package org.safecity.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.safecity.BrowserTest;
import org.safecity.Chromium;
import org.safecity.SafeCityApi;
import org.safecity.detections.Reporting;
import org.safecity.identity.Role;
import org.safecity.traffic.Roadside;
import tools.jackson.databind.JsonNode;

/**
 * The e-challan in a real Chromium: a reviewer works the review queue (violations made by a
 * camera's plate reads through the real detection API), and a citizen finds a challan on the
 * portal, downloads its notice, contests it, and checks the notice's QR code. Screenshots land in
 * {@code target/screenshots}.
 */
class ChallansInBrowserTest extends BrowserTest {

    private static final String CITY = "SWT";
    private static final String LETTERS = "ACEFHJKMNPRTUVWXY";

    @Test
    void an_unknown_challan_shows_not_found_and_nothing_to_act_on() {
        signInAs(Role.TRAFFIC_REVIEWER);
        browser.get(url("/challans/SWT-2026-999999"));
        waitFor(d -> "true".equals(d.findElement(By.id("challan")).getDomAttribute("data-loaded")));

        WebElement page = browser.findElement(By.id("challan"));
        assertThat(page.getDomAttribute("data-not-found")).isEqualTo("true");
        assertThat(page.getText()).contains("There is no challan SWT-2026-999999");
        assertThat(browser.findElements(By.cssSelector("#challan button, #challan form"))).isEmpty();
    }

    @Test
    void a_reviewer_corrects_a_plate_approves_and_sees_the_challan_number_then_rejects_another_with_a_reason() {
        var road = speedCamera();
        String plate = plate();
        String misread = plate.substring(0, 3) + (plate.charAt(3) == '8' ? '3' : '8') + plate.substring(4);
        String other = plate();
        register(plate, cnic(), "Sher Ali");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        send(road, List.of(speeding(road.cameraId(), misread, 92, now.minusSeconds(40)), speeding(road.cameraId(), other, 88, now.minusSeconds(20))));
        var api = as(Role.TRAFFIC_REVIEWER);
        long misreadId = awaitViolation(api, misread).get("id").asLong();
        long otherId = awaitViolation(api, other).get("id").asLong();

        signInAs(Role.TRAFFIC_REVIEWER);
        openInQueue(misreadId);
        waitFor(d -> imagesLoaded(2));
        String facts = browser.findElement(By.id("detail-facts")).getText();
        assertThat(facts).contains(misread, "Exceeding the speed limit", "70%", "0 of 1");
        assertThat(browser.findElement(By.id("detail-measurement")).getText()).contains("Speed", "92 km/h", "Limit", "60 km/h", "5 km/h");
        assertThat(browser.findElement(By.cssSelector(".plate-crop figcaption")).getText()).isEqualTo("Plate crop");
        assertThat(browser.findElement(By.id("detail-history")).getText()).contains("Detected");
        screenshot("challan-review-queue");

        WebElement plateInput = browser.findElement(By.id("plate-input"));
        assertThat(plateInput.getDomProperty("value")).isEqualTo(misread);
        plateInput.clear();
        plateInput.sendKeys(plate.substring(0, 3) + " " + plate.substring(3));
        plateInput.sendKeys(org.openqa.selenium.Keys.ENTER);
        waitFor(d -> !d.findElements(By.cssSelector("#detail-outcome a.challan-number")).isEmpty());
        String number = browser.findElement(By.cssSelector("#detail-outcome a.challan-number")).getText();
        assertThat(number).matches(CITY + "-\\d{4}-\\d{6}");
        assertThat(browser.findElement(By.id("detail-outcome")).getText()).isEqualTo("Approved. Challan " + number + " issued.");
        waitFor(d -> d.findElement(By.id("detail-history")).getText().contains("Challan issued"));
        assertThat(browser.findElement(By.id("detail-history")).getText()).contains("plate corrected from " + misread + " to " + plate);
        assertThat(browser.findElement(By.id("approve-form")).isDisplayed()).isFalse();
        screenshot("challan-review-approved");
        var challan = api.get("/api/v1/challans/" + number).json();
        assertThat(challan.get("plate").asString()).isEqualTo(plate);
        assertThat(challan.get("ownerName").asString()).isEqualTo("Sher Ali");

        browser.findElement(By.cssSelector("button[data-id='" + otherId + "']")).click();
        waitFor(d -> String.valueOf(otherId).equals(d.findElement(By.id("detail")).getDomAttribute("data-violation-id"))
            && d.findElement(By.id("reject-form")).isDisplayed());
        browser.findElement(By.id("reason-input")).sendKeys("Ambulance on an emergency call");
        browser.findElement(By.id("reject-button")).click();
        waitFor(d -> d.findElement(By.id("detail-status")).getText().equalsIgnoreCase("Rejected"));
        assertThat(browser.findElement(By.id("detail-outcome")).getText()).isEqualTo("Rejected: Ambulance on an emergency call");
        assertThat(browser.findElement(By.cssSelector("button[data-id='" + otherId + "']")).getDomAttribute("class")).contains("decided");
        screenshot("challan-review-rejected");
        var rejected = api.get("/api/v1/violations/" + otherId).json();
        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("rejectReason").asString()).isEqualTo("Ambulance on an emergency call");
        assertThat(rejected.hasNonNull("challanNumber")).isFalse();

        browser.get(url("/challans/" + number));
        waitFor(d -> "true".equals(d.findElement(By.id("challan")).getDomAttribute("data-loaded")));
        assertThat(browser.findElement(By.id("challan-facts")).getText()).contains(plate, "Sher Ali", challan.get("paymentReference").asString());
        assertThat(browser.findElement(By.id("challan-history")).getText()).contains("Issued");
        waitFor(d -> imagesLoaded(2));
        screenshot("challan-detail");
        assertThat(chromium.severeMessages()).isEmpty();
    }

    @Test
    void an_offence_that_needs_two_reviewers_says_so_after_the_first_approval_and_takes_the_second_from_another_person_by_keyboard() {
        assertThat(admin().put("/api/v1/traffic/offences/MOBILE_PHONE", Map.of("approvalsRequired", 2)).status()).isEqualTo(200);
        var road = Reporting.camera(admin(), anonymous, CITY, 34.7717 + ThreadLocalRandom.current().nextDouble(0.02), 72.37);
        var rule = admin().post("/api/v1/traffic/rules", Map.of("cameraId", road.cameraId(), "kind", "ANALYTIC", "analyticType", "mobile_phone"));
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);
        String plate = plate();
        register(plate, cnic(), "Fazal Wahid");
        send(road, List.of(phoneInHand(road.cameraId(), plate, Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(15))));
        long id = awaitViolation(as(Role.TRAFFIC_REVIEWER), plate).get("id").asLong();

        signInAs(Role.TRAFFIC_REVIEWER);
        openInQueue(id);
        assertThat(browser.findElement(By.id("detail-measurement")).getText()).contains("Analytic confidence", "93%");
        assertThat(browser.findElement(By.id("detail-second")).isDisplayed()).isFalse();
        new Actions(browser).sendKeys("a").perform();
        waitFor(d -> d.findElement(By.id("detail-outcome")).getText().contains("Needs a second reviewer"));
        assertThat(browser.findElement(By.id("detail-outcome")).getText()).contains("1 of 2");
        assertThat(browser.findElement(By.id("detail-second")).isDisplayed()).isTrue();
        screenshot("challan-review-second-reviewer");
        browser.findElement(By.id("approve-button")).click();
        waitFor(d -> d.findElement(By.id("detail-outcome")).getText().contains("different reviewer"));
        assertThat(browser.findElement(By.id("detail-outcome")).getDomAttribute("class")).contains("notice-error");
        assertThat(chromium.severeMessages()).singleElement().asString().contains("/api/v1/violations/" + id + "/approve", "409");

        signInAs(Role.TRAFFIC_REVIEWER);
        openInQueue(id);
        assertThat(browser.findElement(By.cssSelector("button[data-id='" + id + "']")).getText()).containsIgnoringCase("1 of 2 approvals");
        new Actions(browser).sendKeys("a").perform();
        waitFor(d -> !d.findElements(By.cssSelector("#detail-outcome a.challan-number")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#detail-outcome a.challan-number")).getText()).matches(CITY + "-\\d{4}-\\d{6}");
        assertThat(browser.findElement(By.id("detail-facts")).getText()).contains("2 of 2");
        assertThat(chromium.severeMessages()).isEmpty();
    }

    @Test
    void a_citizen_finds_the_challan_by_plate_and_cnic_downloads_the_notice_contests_it_and_checks_the_notice() throws Exception {
        var road = speedCamera();
        String plate = plate();
        String cnic = cnic();
        var reviewer = as(Role.TRAFFIC_REVIEWER);
        String number = issuedChallan(road, reviewer, plate, cnic, "Zarina Bibi", 97);
        var challan = reviewer.get("/api/v1/challans/" + number).json();

        browser.get(url("/portal/challans"));
        browser.findElement(By.id("plate")).sendKeys(plate.substring(0, 3).toLowerCase() + "-" + plate.substring(3));
        browser.findElement(By.id("cnic")).sendKeys(cnic);
        browser.findElement(By.cssSelector("#lookup button[type=submit]")).click();
        By card = By.cssSelector("article[data-number='" + number + "']");
        waitFor(d -> !d.findElements(card).isEmpty());
        waitFor(d -> imagesLoaded(1));
        String shown = browser.findElement(card).getText();
        assertThat(shown).contains("Challan " + number, "Exceeding the speed limit", "Unpaid", "Amount due",
            "Rs " + String.format("%,d", challan.get("amountDuePkr").asLong()), challan.get("paymentReference").asString());
        screenshot("portal-challan-found");

        String noticeHref = browser.findElement(By.cssSelector("article[data-number='" + number + "'] a.notice-link")).getDomProperty("href");
        Path notice = Files.createTempFile("portal-notice-", ".pdf");
        var downloaded = anonymous.download(URI.create(noticeHref).getRawPath() + "?" + URI.create(noticeHref).getRawQuery(), notice);
        assertThat(downloaded.status()).isEqualTo(200);
        assertThat(Files.readAllBytes(notice)).startsWith("%PDF".getBytes());

        browser.findElement(By.cssSelector("article[data-number='" + number + "'] details.contest summary")).click();
        browser.findElement(By.id("statement-" + number)).sendKeys("My car was parked at home in Mingora at that time; the plate was cloned.");
        browser.findElement(By.cssSelector("article[data-number='" + number + "'] .contest-form button[type=submit]")).click();
        waitFor(d -> d.findElements(By.cssSelector("article[data-number='" + number + "'] .contest-status")).stream()
            .anyMatch(e -> e.getText().equals("Pending decision")));
        assertThat(browser.findElement(By.id("lookup-message")).getText()).contains("Your contest of challan " + number + " was received");
        assertThat(browser.findElement(card).getText()).contains("Contested, under review", "the plate was cloned");
        screenshot("portal-challan-contested");
        var contests = reviewer.get("/api/v1/contests?status=OPEN&size=500").json().get("items");
        assertThat(contests.toString()).contains(number, "the plate was cloned");

        var cnicInput = browser.findElement(By.id("cnic"));
        cnicInput.clear();
        cnicInput.sendKeys(otherCnic(cnic));
        browser.findElement(By.cssSelector("#lookup button[type=submit]")).click();
        waitFor(d -> d.findElement(By.id("lookup-message")).getText().startsWith("No challans found"));
        assertThat(browser.findElements(By.cssSelector("article.challan"))).isEmpty();
        screenshot("portal-nothing-found");

        String verify = qrText(notice);
        assertThat(verify).contains("/portal/verify?n=" + number + "&s=");
        browser.get(url(URI.create(verify).getRawPath() + "?" + URI.create(verify).getRawQuery()));
        waitFor(d -> "true".equals(d.findElement(By.id("portal-verify")).getDomAttribute("data-loaded")));
        assertThat(browser.findElement(By.id("verdict")).getText()).contains("Genuine notice", number, plate, "Exceeding the speed limit");
        screenshot("portal-verify-genuine");
        browser.get(url("/portal/verify?n=" + number + "&s=" + "A".repeat(43)));
        waitFor(d -> "true".equals(d.findElement(By.id("portal-verify")).getDomAttribute("data-loaded")));
        assertThat(browser.findElement(By.id("verdict")).getText()).contains("This notice is NOT genuine");

        var wide = browser.manage().window().getSize();
        try {
            browser.manage().window().setSize(new Dimension(400, 860));
            browser.get(url("/portal/challans"));
            browser.findElement(By.id("plate")).sendKeys(plate);
            browser.findElement(By.id("cnic")).sendKeys(cnic);
            browser.findElement(By.cssSelector("#lookup button[type=submit]")).click();
            waitFor(d -> !d.findElements(card).isEmpty());
            long overflow = (Long) chromium.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).as("no sideways scrolling on a phone").isZero();
            screenshot("portal-phone");
        } finally {
            browser.manage().window().setSize(wide);
        }
        assertThat(chromium.severeMessages()).isEmpty();
    }

    @Test
    void a_citizen_who_looks_up_too_often_is_asked_to_wait() {
        // The portal counts per client address. This browser comes over the IPv6 loopback, so the budget of 127.0.0.1,
        // which every other test uses, is left alone.
        String portal = "http://[::1]:" + port + "/portal/challans";
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        String message = null;
        for (int attempt = 0; attempt < 3 && (message == null || !message.startsWith("Too many")); attempt++) {
            browser.get(portal);
            Object used = ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                (async () => {
                  for (let i = 1; i <= 1000; i++) {
                    const answer = await fetch('/api/public/challans?plate=SWT1&cnic=1510000000000');
                    if (answer.status === 429) return done(i);
                  }
                  done(-1);
                })();""");
            assertThat(((Number) used).intValue()).as("look-ups until refused").isPositive();
            browser.findElement(By.id("plate")).sendKeys("SWT 1");
            browser.findElement(By.id("cnic")).sendKeys("15100-0000000-0");
            browser.findElement(By.cssSelector("#lookup button[type=submit]")).click();
            waitFor(d -> !d.findElement(By.id("lookup-message")).getText().isBlank());
            message = browser.findElement(By.id("lookup-message")).getText(); // a new minute may have begun meanwhile: then again
        }

        assertThat(message).matches("Too many searches from your connection\\. Please wait (a second|\\d+ seconds) and try again\\.");
        assertThat(browser.findElement(By.id("lookup-message")).getDomAttribute("class")).contains("notice-warn");
        assertThat(browser.findElements(By.cssSelector("article.challan"))).isEmpty();
        screenshot("portal-too-many");
        chromium.severeMessages(); // the refused look-ups are logged by the browser as failed requests
    }

    @Test
    void an_adjudicator_upholds_one_contest_and_cancels_another_then_finds_both_and_a_supervisor_reads_the_reports() {
        var road = speedCamera();
        var reviewer = as(Role.TRAFFIC_REVIEWER);
        String upheldPlate = plate();
        String upheldCnic = cnic();
        String cancelledPlate = plate();
        String cancelledCnic = cnic();
        String upheld = issuedChallan(road, reviewer, upheldPlate, upheldCnic, "Gul Rehman", 90);
        String cancelled = issuedChallan(road, reviewer, cancelledPlate, cancelledCnic, "Bakht Jamal", 101);
        contest(upheld, upheldPlate, upheldCnic, "I was not driving that fast.");
        contest(cancelled, cancelledPlate, cancelledCnic, "The car was sold in October; the transfer papers are attached at the Excise office.");

        signInAs(Role.TRAFFIC_REVIEWER);
        browser.get(url("/challans/contests"));
        By upheldCard = By.cssSelector("article[data-challan='" + upheld + "']");
        By cancelledCard = By.cssSelector("article[data-challan='" + cancelled + "']");
        waitFor(d -> !d.findElements(upheldCard).isEmpty() && !d.findElements(cancelledCard).isEmpty());
        waitFor(d -> Boolean.TRUE.equals(chromium.script("const images = [...document.querySelectorAll('article[data-challan=\"" + upheld
            + "\"] img')]; return images.length === 2 && images.every(i => i.complete && i.naturalWidth > 0);")));
        assertThat(browser.findElement(upheldCard).getText()).contains("I was not driving that fast.", "90 km/h", "60 km/h");
        screenshot("challan-contests");

        browser.findElement(upheldCard).findElement(By.name("reason")).sendKeys("Speed measured by a calibrated radar; the image shows the car.");
        browser.findElement(upheldCard).findElement(By.cssSelector("button[value=uphold]")).click();
        waitFor(d -> d.findElement(upheldCard).getText().contains("Upheld: the challan stands and is due again."));
        browser.findElement(cancelledCard).findElement(By.name("reason")).sendKeys("Sold before the offence: transfer confirmed by Excise.");
        browser.findElement(cancelledCard).findElement(By.cssSelector("button[value=cancel]")).click();
        waitFor(d -> d.findElement(cancelledCard).getText().contains("Cancelled: the challan is withdrawn."));
        screenshot("challan-contests-decided");
        assertThat(reviewer.get("/api/v1/challans/" + upheld).json().get("status").asString()).isEqualTo("ISSUED");
        assertThat(reviewer.get("/api/v1/challans/" + cancelled).json().get("status").asString()).isEqualTo("CANCELLED");

        browser.get(url("/challans?plate=" + cancelledPlate));
        waitFor(d -> !d.findElements(By.cssSelector("tr[data-number='" + cancelled + "']")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("tr[data-number='" + cancelled + "']")).getText())
            .contains(cancelledPlate, "Exceeding the speed limit", "Bakht Jamal").containsIgnoringCase("Cancelled");
        assertThat(browser.findElements(By.cssSelector("#challan-rows tr"))).hasSize(1);
        screenshot("challan-search");
        browser.findElement(By.linkText(cancelled)).click();
        waitFor(d -> d.findElement(By.id("challan-history")).getText().contains("Contest cancelled")
            || d.findElement(By.id("challan-history")).getText().contains("Cancelled"));
        assertThat(browser.findElement(By.id("challan-contest")).getText())
            .contains("The car was sold in October", "Sold before the offence: transfer confirmed by Excise.");

        signInAs(Role.SUPERVISOR);
        browser.get(url("/challans/reports"));
        browser.findElement(By.name("city")).sendKeys(CITY);
        browser.findElement(By.cssSelector("#reports-filter button[type=submit]")).click();
        waitFor(d -> Boolean.TRUE.equals(chromium.script("const c = Chart.getChart('offence-chart');"
            + "return !!c && c.data.labels.includes('Exceeding the speed limit');")));
        assertThat(browser.findElement(By.id("report-totals")).getText()).contains("Challans issued", "Contest rate", "Collected");
        Object throughput = chromium.script("return Chart.getChart('reviewer-chart').data.datasets.map(d => d.label).join(',');");
        assertThat(throughput).isEqualTo("Approved,Rejected");
        screenshot("challan-reports");
        assertThat(chromium.severeMessages()).isEmpty();
    }

    // --- the road: a speed camera, registered vehicles, plate reads with images ---

    /** A registered vehicle caught speeding by the camera and approved through the API: the challan's number. */
    private String issuedChallan(Reporting.Field road, SafeCityApi reviewer, String plate, String cnic, String owner, int speedKmh) {
        register(plate, cnic, owner);
        send(road, List.of(speeding(road.cameraId(), plate, speedKmh, Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(30))));
        var approved = reviewer.post("/api/v1/violations/" + awaitViolation(reviewer, plate).get("id").asLong() + "/approve", Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return approved.json().get("challanNumber").asString();
    }

    private void contest(String number, String plate, String cnic, String statement) {
        var contested = anonymous.post("/api/public/challans/" + number + "/contest", Map.of("plate", plate, "cnic", cnic, "statement", statement));
        assertThat(contested.status()).as(contested.body()).isIn(200, 201);
    }


    private Reporting.Field speedCamera() {
        var road = Reporting.camera(admin(), anonymous, CITY, 34.7717 + ThreadLocalRandom.current().nextDouble(0.02), 72.36);
        var rule = admin().post("/api/v1/traffic/rules", Map.of("cameraId", road.cameraId(), "kind", "SPOT_SPEED", "limitKmh", 60,
            "toleranceKmh", 5));
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);
        return road;
    }

    private void register(String plate, String cnic, String owner) {
        Roadside.register(admin(), plate, cnic, owner, "+92 345 5551234", "Suzuki", "Cultus", "silver");
    }

    private static Map<String, Object> speeding(long cameraId, String plate, int speedKmh, Instant at) {
        var item = Reporting.plateRead(cameraId, plate, at);
        @SuppressWarnings("unchecked")
        var fields = (Map<String, Object>) item.get("plate");
        fields.put("confidence", 0.7);
        fields.put("speedKmh", speedKmh);
        fields.put("sceneImage", jpeg(scene(plate)));
        fields.put("plateImage", jpeg(plateCrop(plate)));
        return item;
    }

    private static void send(Reporting.Field road, List<Map<String, Object>> items) {
        var answer = road.device().post("/api/v1/detections", Reporting.batch(items));
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        assertThat(answer.json().get("accepted").asInt()).as(answer.body()).isEqualTo(items.size());
    }

    private static JsonNode awaitViolation(SafeCityApi reviewer, String plate) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode item : reviewer.get("/api/v1/challans/review?status=PENDING&city=" + CITY + "&size=500").json().get("items")) {
                if (plate.equals(item.path("plate").asString(null))) {
                    return item;
                }
            }
            sleep(100);
        }
        throw new AssertionError("no pending violation of " + plate + " within 20 s");
    }

    private static String plate() {
        var random = ThreadLocalRandom.current();
        return "S" + LETTERS.charAt(random.nextInt(LETTERS.length())) + LETTERS.charAt(random.nextInt(LETTERS.length()))
            + (10000 + random.nextInt(90000));
    }

    private static String cnic() {
        var random = ThreadLocalRandom.current();
        return "15" + (100 + random.nextInt(900)) + "-" + (1000000 + random.nextInt(9000000)) + "-" + random.nextInt(10);
    }

    private static String otherCnic(String cnic) {
        char last = cnic.charAt(cnic.length() - 1);
        return cnic.substring(0, cnic.length() - 1) + (last == '9' ? '0' : (char) (last + 1));
    }

    /** A dusk road scene with a car and its plate, as a speed camera's overview image. */
    private static BufferedImage scene(String plate) {
        var image = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(58, 66, 78));
        g.fillRect(0, 0, 640, 360);
        g.setColor(new Color(90, 96, 104));
        g.fillPolygon(new int[] {240, 400, 640, 0}, new int[] {60, 60, 360, 360}, 4);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(4, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {24, 18}, 0));
        g.drawLine(320, 70, 320, 360);
        g.setColor(new Color(200, 205, 210));
        g.fillRoundRect(220, 170, 200, 130, 24, 24);
        g.setColor(new Color(30, 40, 55));
        g.fillRect(245, 185, 150, 45);
        g.setColor(Color.WHITE);
        g.fillRect(275, 255, 90, 26);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 16));
        g.drawString(plate, 281, 274);
        g.dispose();
        return image;
    }

    private static BufferedImage plateCrop(String plate) {
        var image = new BufferedImage(220, 60, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 220, 60);
        g.setColor(Color.BLACK);
        g.drawRect(2, 2, 215, 55);
        g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 30));
        g.drawString(plate, 18, 42);
        g.dispose();
        return image;
    }

    private static String jpeg(BufferedImage image) {
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    /** The text of the QR code on the notice's first page. */
    private static String qrText(Path pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf.toFile())) {
            return org.safecity.QrCodes.read(new PDFRenderer(document).renderImageWithDPI(0, org.safecity.QrCodes.DPI));
        }
    }

    private static Map<String, Object> phoneInHand(long cameraId, String plate, Instant at) {
        var analytic = new HashMap<String, Object>(Map.of("type", "mobile_phone", "confidence", 0.93, "plate", plate, "vehicleType", "car",
            "sceneImage", jpeg(scene(plate))));
        return new HashMap<>(Map.of("eventId", Reporting.eventId(), "cameraId", cameraId, "observedAt", at.toString(), "kind", "analytic",
            "analytic", analytic));
    }

    // --- the browser ---

    /** Opens the review queue of the test city and selects the violation. */
    private void openInQueue(long id) {
        browser.get(url("/challans/review"));
        browser.findElement(By.name("city")).sendKeys(CITY);
        browser.findElement(By.cssSelector("#review-filter button[type=submit]")).click();
        waitFor(d -> String.valueOf(d.findElement(By.id("review")).getDomAttribute("data-query")).contains("city=" + CITY));
        waitFor(d -> !d.findElements(By.cssSelector("button[data-id='" + id + "']")).isEmpty());
        browser.findElement(By.cssSelector("button[data-id='" + id + "']")).click();
        waitFor(d -> String.valueOf(id).equals(d.findElement(By.id("detail")).getDomAttribute("data-violation-id")));
    }

    /** A new person with this role, signed in in the browser. */
    private void signInAs(Role role) {
        String username = "browser." + role.name().toLowerCase().replace('_', '-') + "." + System.nanoTime();
        var created = admin().post("/api/v1/accounts", Map.of("username", username, "displayName", "Insp. " + username,
            "password", passwordOf(username), "roles", List.of(role.name()), "scope", "province"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        browser.manage().deleteAllCookies();
        chromium.signIn(port, username, passwordOf(username));
    }

    /** Whether the page shows at least this many images, all of them loaded. */
    private static boolean imagesLoaded(int atLeast) {
        Object answer = chromium.script("const images = [...document.querySelectorAll('main img')];"
            + "return images.length >= " + atLeast + " && images.every(i => i.complete && i.naturalWidth > 0);");
        return Boolean.TRUE.equals(answer);
    }

    private static void waitFor(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Chromium.PATIENCE).ignoring(StaleElementReferenceException.class).until(condition);
    }

    private static void screenshot(String name) {
        chromium.screenshot(name);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }
}
