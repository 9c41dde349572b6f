package org.safecity.traffic;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.imageio.ImageIO;
import org.safecity.SafeCityApi;
import org.safecity.detections.Reporting;
import tools.jackson.databind.JsonNode;

/** What traffic tests need from the road: a camera with rules, registered vehicles, readings, the bank's signature. */
public final class Roadside {

    private Roadside() {
    }

    /** A Mardan ANPR camera of its own site, with its device. */
    public static Reporting.Field camera(SafeCityApi admin, SafeCityApi anonymous) {
        return Reporting.camera(admin, anonymous, "MRD", 34.20 + ThreadLocalRandom.current().nextDouble(0.01), 72.04);
    }

    /** A camera on a one-way road allowing only southbound traffic: the northbound reads of {@link Reporting#plateRead} break it. */
    public static Reporting.Field oneWayCamera(SafeCityApi admin, SafeCityApi anonymous) {
        var field = camera(admin, anonymous);
        rule(admin, Map.of("cameraId", field.cameraId(), "kind", "WRONG_WAY", "allowedDirection", "S"));
        return field;
    }

    /** One confident read of the plate, two seconds ago. */
    public static void passes(Reporting.Field field, String plate) {
        send(field, List.of(plateRead(field.cameraId(), plate, Instant.now().minusSeconds(2), 0.9, Map.of())));
    }

    /** A challan issued for a new plate's wrong-way pass, approved by the admin: its number. */
    public static String issue(SafeCityApi admin, SafeCityApi anonymous, String ownerName) {
        var field = oneWayCamera(admin, anonymous);
        String plate = plate();
        register(admin, plate, cnic(), ownerName);
        passes(field, plate);
        long id = awaitViolation(admin, "PENDING", plate).get("id").asLong();
        return admin.post("/api/v1/violations/" + id + "/approve", Map.of()).json().get("challanNumber").asString();
    }

    public static long rule(SafeCityApi admin, Map<String, Object> body) {
        var created = admin.post("/api/v1/traffic/rules", body);
        if (created.status() != 201) {
            throw new IllegalStateException("could not make a rule: " + created);
        }
        return created.json().get("id").asLong();
    }

    /** A plate no other test uses, e.g. {@code MRQ4821}. */
    public static String plate() {
        String letters = "ACEFHJKMNPRTUVWXY";
        var random = ThreadLocalRandom.current();
        return "T" + letters.charAt(random.nextInt(letters.length())) + letters.charAt(random.nextInt(letters.length()))
            + (10000 + random.nextInt(90000));
    }

    /** A CNIC no other test uses. */
    public static String cnic() {
        var random = ThreadLocalRandom.current();
        return "17" + (100 + random.nextInt(900)) + "-" + (1000000 + random.nextInt(9000000)) + "-" + random.nextInt(10);
    }

    public static void register(SafeCityApi admin, String plate, String cnic, String name) {
        register(admin, plate, cnic, name, "+92 300 5550000", "Toyota", "Corolla", "white");
    }

    /** Registers a vehicle as the Excise department does: a VEHICLE record of its feed into the records, where e-challan asks for owners. */
    public static void register(SafeCityApi admin, String plate, String cnic, String name, String phone, String make, String model, String colour) {
        var loaded = admin.post("/api/v1/records/sources/" + exciseFeed(admin) + "/imports", "text/csv",
            "id,plate,ownerName,ownerCnic,ownerPhone,make,model,colour\n" + plate + "," + plate + "," + name + "," + cnic + "," + phone + "," + make + ","
                + model + "," + colour + "\n");
        if (loaded.status() != 200 || loaded.json().get("refused").asInt() != 0) {
            throw new IllegalStateException("could not register " + plate + ": " + loaded);
        }
    }

    /** The Excise feed of registrations tests send, registered on first need. */
    public static long exciseFeed(SafeCityApi admin) {
        var sources = admin.get("/api/v1/records/sources");
        for (var source : sources.json()) {
            if (source.get("code").asString().equals("roadside-excise")) {
                return source.get("id").asLong();
            }
        }
        var created = admin.post("/api/v1/records/sources", Map.of("code", "roadside-excise", "name", "Excise vehicle registrations (tests)",
            "owner", "Excise & Taxation", "description", "registrations the traffic tests send", "retentionDays", 3650, "kinds",
            List.of("VEHICLE"), "mapping", Map.of()));
        if (created.status() == 201) {
            return created.json().get("id").asLong();
        }
        // Another test registered it meanwhile.
        for (var source : admin.get("/api/v1/records/sources").json()) {
            if (source.get("code").asString().equals("roadside-excise")) {
                return source.get("id").asLong();
            }
        }
        throw new IllegalStateException("could not register the Excise feed: " + created);
    }

    public static Map<String, Object> plateRead(long cameraId, String plate, Instant at, double confidence, Map<String, Object> extra) {
        var item = Reporting.plateRead(cameraId, plate, at);
        @SuppressWarnings("unchecked")
        var fields = (Map<String, Object>) item.get("plate");
        fields.put("confidence", confidence);
        fields.putAll(extra);
        return item;
    }

    public static Map<String, Object> signal(long cameraId, String phase, String approach, Instant at) {
        var item = new HashMap<String, Object>();
        item.put("eventId", Reporting.eventId());
        item.put("cameraId", cameraId);
        item.put("observedAt", at.toString());
        item.put("kind", "signal");
        item.put("signal", Map.of("phase", phase, "approach", approach));
        return item;
    }

    public static Map<String, Object> analytic(long cameraId, String type, double confidence, String plate, Instant at) {
        var item = new HashMap<String, Object>();
        item.put("eventId", Reporting.eventId());
        item.put("cameraId", cameraId);
        item.put("observedAt", at.toString());
        item.put("kind", "analytic");
        item.put("analytic", Map.of("type", type, "confidence", confidence, "plate", plate, "vehicleType", "motorcycle"));
        return item;
    }

    public static void send(Reporting.Field field, List<Map<String, Object>> items) {
        var answer = field.device().post("/api/v1/detections", Reporting.batch(items));
        if (answer.status() != 202 || answer.json().path("rejected").size() > 0) {
            throw new IllegalStateException("detections not accepted: " + answer);
        }
    }

    /** A small PNG as base64, as a camera sends its scene image. */
    public static String scenePng() {
        var image = new BufferedImage(64, 36, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.DARK_GRAY);
        g.fillRect(0, 0, 64, 36);
        g.setColor(Color.WHITE);
        g.fillRect(20, 20, 24, 8);
        g.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    /** Polls the review queue until a violation of the plate appears. */
    public static JsonNode awaitViolation(SafeCityApi reviewer, String status, String plate) {
        return await(() -> find(reviewer.get("/api/v1/challans/review?status=" + status + "&city=MRD&size=1000").json().get("items"),
            v -> plate.equals(v.path("plate").asString(null))), "a " + status + " violation of " + plate);
    }

    public static JsonNode find(JsonNode items, Predicate<JsonNode> wanted) {
        for (JsonNode item : items) {
            if (wanted.test(item)) {
                return item;
            }
        }
        return null;
    }

    public static JsonNode await(java.util.function.Supplier<JsonNode> probe, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode found = probe.get();
            if (found != null) {
                return found;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no " + what + " within 20 s");
    }

    /** The bank's signature: hex HMAC-SHA256 of the body with the secret SafeCity generated under its data dir. */
    public static String sign(Path dataDir, String body) {
        try {
            byte[] secret = Files.readString(dataDir.resolve("keys").resolve("traffic-bank.secret")).strip().getBytes(StandardCharsets.UTF_8);
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String callback(String reference, long amount, Instant paidAt, String transaction) {
        return "{\"paymentReference\":\"" + reference + "\",\"amountPkr\":" + amount + ",\"paidAt\":\"" + paidAt + "\",\"bankTransactionId\":\""
            + transaction + "\"}";
    }
}
