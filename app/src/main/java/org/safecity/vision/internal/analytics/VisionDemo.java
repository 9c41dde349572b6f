package org.safecity.vision.internal.analytics;

import java.time.Clock;
import java.util.List;
import org.safecity.shared.DemoSettings;
import org.safecity.registry.CameraDirectory;
import org.safecity.registry.CameraStreams;
import org.safecity.vision.internal.Point;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With the Peshawar demo on: plate reading on the demo camera that shows {@link DemoTraffic}, two frames a
 * second, with a line across the road (cars coming towards the camera cross it {@code inbound}), unless
 * that camera has analytics settings already (an administrator's change stands).
 */
@Component
@Order(30)
class VisionDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(VisionDemo.class);

    private final CameraDirectory cameras;
    private final AnalyticsSettingsStore store;
    private final Clock clock;
    private final boolean demo;
    private final int position;

    VisionDemo(CameraDirectory cameras, AnalyticsSettingsStore store, Clock clock, DemoSettings demo,
               @Value("${safecity.vision.demo-camera}") int position) {
        this.cameras = cameras;
        this.store = store;
        this.clock = clock;
        this.demo = demo.demo();
        this.position = position;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo) {
            return;
        }
        // the demo cameras in the order video gives them their clips
        var demoCameras = cameras.streams().stream().filter(CameraStreams::demo).map(c -> c.camera().id()).sorted().toList();
        if (demoCameras.size() <= position) {
            return;
        }
        long camera = demoCameras.get(position);
        if (store.putIfAbsent(camera, streetCamera(), "demo", clock.instant())) {
            log.info("Vision demo: plate reading on camera {}, the street scene", camera);
        }
    }

    /** The demo street camera's analytics: plates at the default rate, and a line across the road that cars coming towards it cross inbound. */
    static AnalyticsSettings streetCamera() {
        return new AnalyticsSettings(true, false, false, AnalyticsSettings.DEFAULT_RATE, List.of(),
            List.of(new AnalyticsSettings.NamedLine("road", new Line(new Point(0.05, 0.6), new Point(0.95, 0.6), "inbound", "outbound"),
                List.of())), List.of());
    }
}
