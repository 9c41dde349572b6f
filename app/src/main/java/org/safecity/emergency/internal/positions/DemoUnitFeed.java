package org.safecity.emergency.internal.positions;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.safecity.emergency.internal.incidents.IncidentStore;
import org.safecity.emergency.internal.units.RegisteringUnits;
import org.safecity.emergency.internal.units.Unit;
import org.safecity.emergency.internal.units.UnitProgress;
import org.safecity.emergency.internal.units.UnitStore;
import org.safecity.shared.DemoSettings;
import org.safecity.identity.Jurisdiction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The Peshawar demo's twelve units and the AVL feed that moves them (with {@code safecity.demo-units}
 * on): patrol cars, motorcycle squads and Rescue 1122 ambulances drive their routes, and a unit sent
 * to an incident drives to it and arrives, so dispatch can be tried at once. Positions go through
 * {@link UnitProgress#recordPosition}, the path a real unit's AVL takes; only the source is made up.
 */
@Component
class DemoUnitFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DemoUnitFeed.class);
    static final String SOURCE = "demo AVL feed";
    static final long REPORT_EVERY_SECONDS = 5;

    /** A demo unit: its call sign, type, station, and the route it patrols. */
    record Crew(String callSign, String type, String station, String route) {
    }

    static final List<Crew> UNITS = List.of(
        new Crew("PSH-MOB-01", "POLICE_CAR", "Police Station Gulbahar", "grand-trunk-road"),
        new Crew("PSH-MOB-02", "POLICE_CAR", "Police Station University Town", "university-road"),
        new Crew("PSH-MOB-03", "POLICE_CAR", "Police Station Khan Raziq", "walled-city"),
        new Crew("PSH-MOB-04", "POLICE_CAR", "Police Station East Cantt", "saddar"),
        new Crew("PSH-MOB-05", "POLICE_CAR", "Police Station Hayatabad", "ring-road"),
        new Crew("PSH-MOB-06", "POLICE_CAR", "Police Station Faqirabad", "charsadda-road"),
        new Crew("PSH-MOB-07", "POLICE_CAR", "Police Station Badaber", "kohat-road"),
        new Crew("PSH-MOB-08", "POLICE_CAR", "Police Station Tehkal", "warsak-road"),
        new Crew("PSH-ABD-01", "POLICE_MOTORCYCLE", "Abaseen Force Saddar", "university-road"),
        new Crew("PSH-ABD-02", "POLICE_MOTORCYCLE", "Abaseen Force City", "grand-trunk-road"),
        new Crew("R1122-PSH-01", "AMBULANCE", "Rescue 1122 Station Hayatabad", "ring-road"),
        new Crew("R1122-PSH-02", "AMBULANCE", "Rescue 1122 Station Chowk Yadgar", "walled-city"));

    private final UnitStore units;
    private final IncidentStore incidents;
    private final RegisteringUnits registering;
    private final UnitProgress progress;
    private final Clock clock;
    private final boolean enabled;
    private final Map<String, DemoPatrols.Route> routes;
    private ScheduledExecutorService feed;
    private volatile boolean registered;

    DemoUnitFeed(UnitStore units, IncidentStore incidents, RegisteringUnits registering, UnitProgress progress, Clock clock,
                 DemoSettings demo) {
        this.units = units;
        this.incidents = incidents;
        this.registering = registering;
        this.progress = progress;
        this.clock = clock;
        this.enabled = demo.demo() && demo.demoUnits();
        this.routes = DemoPatrols.routes().stream().collect(Collectors.toMap(DemoPatrols.Route::name, Function.identity()));
    }

    /** Puts the demo units on the roster when they are not yet; a unit a person retired or renamed is not brought back. */
    void registerMissing() {
        for (var crew : UNITS) {
            if (!units.callSignTaken(crew.callSign())) {
                registering.register(new RegisteringUnits.NewUnit(crew.callSign(), crew.type(), crew.station(), "PSH", null, List.of()),
                    Jurisdiction.PROVINCE);
            }
        }
    }

    /** One report of every demo unit's position at {@code at}. */
    void report(Instant at) {
        var byCallSign = units.inCity("PSH").stream().collect(Collectors.toMap(Unit::callSign, Function.identity()));
        for (int i = 0; i < UNITS.size(); i++) {
            var unit = byCallSign.get(UNITS.get(i).callSign());
            if (unit == null) {
                continue;
            }
            var route = routes.get(UNITS.get(i).route());
            var position = switch (unit.status()) {
                case DISPATCHED, EN_ROUTE -> units.activeAssignment(unit.id())
                    .flatMap(a -> incidents.find(a.incidentId(), Jurisdiction.PROVINCE))
                    .map(incident -> DemoPatrols.toward(unit.position() == null ? incident.location() : unit.position(),
                        incident.location(), REPORT_EVERY_SECONDS))
                    .orElse(unit.position());
                case ON_SCENE, OUT_OF_SERVICE -> unit.position();
                // units sharing a route start a third of it apart
                case AVAILABLE -> DemoPatrols.patrolling(route, route.length() * (i % 3) / 3.0, at.getEpochSecond());
            };
            if (position != null) {
                progress.recordPosition(unit, position, at, SOURCE);
            }
        }
    }

    @Override
    public void start() {
        if (!enabled) {
            return;
        }
        feed = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("demo-avl-feed").daemon().factory());
        feed.scheduleWithFixedDelay(() -> {
            try {
                if (!registered) {
                    registerMissing();
                    registered = true;
                }
                report(clock.instant());
            } catch (RuntimeException e) {
                // the demo feed must never stop for one bad report; the next one tries again
                log.warn("Demo AVL report failed: {}", e.getMessage());
            }
        }, 2, REPORT_EVERY_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        if (feed != null) {
            feed.shutdownNow();
            feed = null;
        }
    }

    @Override
    public boolean isRunning() {
        return feed != null;
    }
}
