package org.safecity.alerts;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.imageio.ImageIO;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.safecity.SafeCityApi;
import org.safecity.detections.Reporting;
import tools.jackson.databind.JsonNode;

/** Watchlists and alert polling for alert tests. */
public final class Sightings {

    private Sightings() {
    }

    /** A new vehicle list holding one plate; answers the list's id. */
    public static long listWith(SafeCityApi admin, String plate, boolean fuzzy, String priority) {
        var body = new HashMap<String, Object>();
        body.put("name", Reporting.unique("Stolen vehicles"));
        body.put("kind", "VEHICLE");
        body.put("type", "STOLEN_VEHICLE");
        body.put("priority", priority);
        body.put("fuzzy", fuzzy);
        var list = admin.post("/api/v1/watchlists", body);
        if (list.status() != 201) {
            throw new IllegalStateException("could not make a list: " + list);
        }
        long id = list.json().get("id").asLong();
        var entry = admin.post("/api/v1/watchlists/" + id + "/entries", Map.of("plate", plate, "reason", "stolen, FIR 101/2026"));
        if (entry.status() != 201) {
            throw new IllegalStateException("could not list the plate: " + entry);
        }
        return id;
    }

    /** A plate no other test uses, e.g. {@code QX4821}. */
    public static String plate() {
        String letters = "ACEFHJKMNPRTUVWXY";
        var random = java.util.concurrent.ThreadLocalRandom.current();
        return "" + letters.charAt(random.nextInt(letters.length())) + letters.charAt(random.nextInt(letters.length()))
            + letters.charAt(random.nextInt(letters.length())) + (1000 + random.nextInt(9000)) + (random.nextInt(90) + 10);
    }

    /** Polls the alert list until an alert satisfies the condition, or fails after the timeout. */
    public static JsonNode awaitAlert(SafeCityApi viewer, Predicate<JsonNode> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (JsonNode alert : viewer.get("/api/v1/alerts").json().get("items")) {
                if (condition.test(alert)) {
                    return alert;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no such alert within " + timeout);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    public static Predicate<JsonNode> forPlate(String plate) {
        return a -> a.has("plate") && plate.equals(a.get("plate").asString());
    }

    /** A plate as a camera crops it: black letters on white, as a JPEG. */
    public static byte[] plateCrop(String text) {
        var image = new BufferedImage(240, 60, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 240, 60);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 34));
        g.drawString(text, 12, 44);
        g.dispose();
        var bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /** A plate read carrying the camera's crop of the plate, as an ANPR camera sends it. */
    public static Map<String, Object> plateReadWithCrop(long cameraId, String plate, Instant at) {
        var item = new java.util.HashMap<>(Reporting.plateRead(cameraId, plate, at));
        @SuppressWarnings("unchecked")
        var fields = new java.util.HashMap<>((Map<String, Object>) item.get("plate"));
        fields.put("plateImage", Base64.getEncoder().encodeToString(plateCrop(plate)));
        item.put("plate", fields);
        return item;
    }
}
