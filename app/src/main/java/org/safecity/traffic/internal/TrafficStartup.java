package org.safecity.traffic.internal;

import static org.safecity.traffic.internal.rules.RuleStore.ts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.safecity.shared.Placement;
import java.util.Map;
import javax.imageio.ImageIO;
import org.safecity.shared.DemoSettings;
import org.safecity.identity.AuditTrail;
import org.safecity.registry.CameraDirectory;
import org.safecity.registry.CameraSummary;
import org.safecity.registry.CameraType;
import org.safecity.shared.GeoPoint;
import org.safecity.traffic.internal.challans.FineSchedule;
import org.safecity.traffic.internal.rules.Rule;
import org.safecity.traffic.internal.rules.RuleStore;
import org.safecity.traffic.internal.rules.SignalRule;
import org.safecity.traffic.internal.rules.SpotSpeedRule;
import org.safecity.traffic.internal.rules.WrongWayRule;
import org.safecity.traffic.internal.violations.Violation;
import org.safecity.traffic.internal.violations.ViolationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * On start: the fine schedule of {@code reference/traffic/fines-kp.csv} when none is loaded; then, with
 * {@code safecity.demo} on and once only, rules on a few Peshawar demo cameras and violations awaiting
 * review, so a fresh demo has something to review (the records demo registers their vehicles).
 */
@Component
@Order(20)
class TrafficStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TrafficStartup.class);
    private static final String DEMO = "traffic-demo";
    private final FineSchedule fines;
    private final RuleStore rules;
    private final ViolationStore violations;
    private final CameraDirectory cameras;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final Clock clock;
    private final boolean demoEnabled;

    TrafficStartup(FineSchedule fines, RuleStore rules, ViolationStore violations, CameraDirectory cameras,
                   JdbcClient jdbc, TransactionTemplate transactions, AuditTrail audit, Clock clock,
                   DemoSettings demoEnabled) {
        this.fines = fines;
        this.rules = rules;
        this.violations = violations;
        this.cameras = cameras;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
        this.demoEnabled = demoEnabled.demo();
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (fines.empty()) {
            try (InputStream in = getClass().getResourceAsStream("/reference/traffic/fines-kp.csv")) {
                var schedule = fines.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), null);
                transactions.executeWithoutResult(s -> fines.store(schedule, "system"));
                log.info("Fine schedule of {} loaded: {} offences", schedule.getFirst().effectiveFrom(),
                    schedule.stream().map(FineSchedule.Fine::offence).distinct().count());
            }
        }
        if (demoEnabled) {
            loadDemoOnce();
        }
    }

    private void loadDemoOnce() throws IOException {
        List<CameraSummary> anpr = cameras.near(new GeoPoint(34.0085, 71.5690), 20_000).stream()
            .filter(c -> c.type() == CameraType.ANPR && "PSH".equals(c.cityCode())).limit(3).toList();
        if (anpr.size() < 3) {
            return; // no demo network (yet): nothing to configure
        }
        transactions.executeWithoutResult(status -> {
            int claimed = jdbc.sql("insert into traffic.loaded (what, loaded_at) values (?, ?) on conflict (what) do nothing")
                .params(DEMO, ts(clock.instant())).update();
            if (claimed == 0) {
                return;
            }
            Instant now = clock.instant();
            var signal = anpr.get(0);
            var speed = anpr.get(1);
            var oneWay = anpr.get(2);
            long signalRule = rules.insert(new Rule(0, signal.id(), "SIGNAL_VIOLATION",
                new SignalRule("N", null, 120, 0, 45, Instant.parse("2026-01-01T00:00:00Z")), true, "demo", now));
            long speedRule = rules.insert(new Rule(0, speed.id(), "OVER_SPEEDING", new SpotSpeedRule(60, 5), true, "demo", now));
            long wrongWayRule = rules.insert(new Rule(0, oneWay.id(), "WRONG_WAY", new WrongWayRule("N"), true, "demo", now));
            pending(signalRule, signal, "SIGNAL_VIOLATION", "PSH1234", "PSH-1234", 0.91, "car",
                Map.of("signalPhase", "red", "approach", "N"), now.minus(Duration.ofMinutes(42)));
            pending(speedRule, speed, "OVER_SPEEDING", "PSH5678", "PSH-5678", 0.88, "motorcycle",
                Map.of("speedKmh", 84.0, "limitKmh", 60, "toleranceKmh", 5), now.minus(Duration.ofMinutes(25)));
            pending(wrongWayRule, oneWay, "WRONG_WAY", "LEB4321", "LEB-4B21", 0.62, "car",
                Map.of("direction", "S", "allowedDirection", "N"), now.minus(Duration.ofMinutes(9)));
            audit.record("traffic.demo-loaded", "city", "PSH", "safecity.demo is on", Map.of("rules", 3));
            log.info("Traffic demo: rules on cameras {}, {}, {}; 3 violations awaiting review", signal.id(), speed.id(), oneWay.id());
        });
    }

    private void pending(long ruleId, CameraSummary camera, String offence, String plate, String asRead, double confidence, String type,
                         Map<String, Object> measurement, Instant at) {
        var v = new Violation(0, null, "demo-" + ruleId, ruleId, new Placement(camera.id(), camera.name(), camera.siteName(),
            camera.cityCode(), camera.zoneCode(), camera.location()), offence, new Violation.Vehicle(plate, asRead, confidence, type), at,
            JsonMapper.builder().build().writeValueAsString(measurement),
            Violation.Status.PENDING, 1, List.of(), null, null, clock.instant());
        long id = violations.insert(v).orElseThrow();
        try {
            violations.addImage(id, new ViolationStore.Image("sceneImage.png", "image/png", scene(camera.name(), asRead)));
        } catch (RuntimeException | InternalError noFonts) {
            log.info("Traffic demo: no drawn scene image ({})", noFonts.toString()); // a server without fonts
        }
        violations.step(id, clock.instant(), "DETECTED", "demo", "demonstration violation");
    }

    /** A drawn stand-in for a camera frame: the demo has no real images. */
    static byte[] scene(String cameraName, String plate) {
        var image = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(70, 80, 90));
        g.fillRect(0, 0, 640, 360);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(4));
        g.drawLine(0, 300, 640, 300);
        g.fillRect(240, 200, 160, 50);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 28));
        g.drawString(plate, 252, 236);
        g.setColor(Color.YELLOW);
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 14));
        g.drawString("DEMO " + cameraName, 10, 20);
        g.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
