package org.safecity.detections.internal.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.safecity.detections.DetectionKind;
import org.safecity.detections.internal.DetectionSettings;
import org.safecity.identity.Actor;
import org.safecity.shared.TextPolicyJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the input rules cost the intake: a batch of 1,000 plate reads as devices send them is parsed
 * and read item by item ({@link ReadingDetections}, text checks included), and in the same process the
 * text checks alone ({@link TextPolicyJson#firstRefusal}) run over the same items, so the share of
 * reading they take survives a noisy machine; likewise the typed measurements alone
 * ({@link ReadingDetections#measurements}), which reading includes. Medians of several rounds, after one warm-up round.
 *
 * <pre>mvn -q -B -pl app test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.safecity.detections.internal.intake.ReadingBenchmark -Dexec.args="200 7"</pre>
 */
public final class ReadingBenchmark {

    public static void main(String[] args) {
        int batches = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        var json = JsonMapper.builder().build();
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        var text = new StringBuilder("{\"detections\":[");
        for (int i = 0; i < 1000; i++) {
            text.append(i == 0 ? "" : ",").append("{\"eventId\":\"nvr7-").append(100000 + i).append("\",\"cameraId\":").append(1 + i % 4)
                .append(",\"observedAt\":\"2026-11-25T09:59:").append(String.format("%02d", i % 60)).append(".123Z\",\"kind\":\"plate\",")
                .append("\"plate\":{\"text\":\"PSH-").append(1000 + i).append("\",\"confidence\":0.93,\"region\":\"PK-KP\",")
                .append("\"vehicleType\":\"car\",\"colour\":\"white\",\"direction\":\"N\",\"speedKmh\":48}}");
        }
        String body = text.append("]}").toString();
        var device = new Actor.Machine(1, "NVR 7", Set.of(1L, 2L, 3L, 4L));
        var settings = new DetectionSettings(50_000, 5000, Duration.ofMillis(10), Duration.ofSeconds(30), Duration.ofSeconds(1),
            Duration.ofSeconds(10), 3, new DetectionSettings.RetentionDays(90, 30, 30, 90, 180, 180), 1000, Duration.ofDays(3), 100_000);

        List<Double> readingNs = new ArrayList<>();
        List<Double> checkNs = new ArrayList<>();
        List<Double> measuringNs = new ArrayList<>();
        long sink = 0;
        for (int round = 0; round < rounds + 1; round++) {
            long started = System.nanoTime();
            JsonNode items = null;
            for (int b = 0; b < batches; b++) {
                items = json.readTree(body).path("detections");
                sink += ReadingDetections.read(items, device, id -> true, ReadingDetections.OWN_ANALYTICS, now, settings).valid().size();
            }
            double perItemReading = (System.nanoTime() - started) / (batches * 1000.0);
            started = System.nanoTime();
            for (int b = 0; b < batches; b++) {
                for (JsonNode item : items) {
                    sink += TextPolicyJson.firstRefusal(item).isPresent() ? 1 : 0;
                }
            }
            double perItemCheck = (System.nanoTime() - started) / (batches * 1000.0);
            started = System.nanoTime();
            for (int b = 0; b < batches; b++) {
                for (JsonNode item : items) {
                    sink += ReadingDetections.measurements(DetectionKind.PLATE, item.path("plate"), item.path("images")).speedKmh() > 0 ? 1 : 0;
                }
            }
            double perItemMeasuring = (System.nanoTime() - started) / (batches * 1000.0);
            if (round > 0) { // the first round warms the JIT up
                readingNs.add(perItemReading);
                checkNs.add(perItemCheck);
                measuringNs.add(perItemMeasuring);
            }
        }
        double reading50 = median(readingNs);
        double check50 = median(checkNs);
        System.out.printf("batches/round=%d of 1000 plate reads, rounds=%d%n", batches, rounds);
        System.out.printf("parse + read (checks included): median %.0f ns per item (%.0f items/s on one thread)%n", reading50,
            1e9 / reading50);
        System.out.printf("text checks alone: median %.0f ns per item; %.1f %% of parse + read%n", check50, 100 * check50 / reading50);
        double measuring50 = median(measuringNs);
        System.out.printf("measurements alone: median %.0f ns per item; %.1f %% of parse + read%n", measuring50,
            100 * measuring50 / reading50);
        System.out.printf("(checksum %d)%n", sink);
    }

    private static double median(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
