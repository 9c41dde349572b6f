package org.safecity.emergency.internal.positions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safecity.shared.GeoPoint;
import org.springframework.core.io.ClassPathResource;

/**
 * Where a demo unit is: on patrol it drives its route ({@code reference/demo-patrols.csv}) to the end
 * and back at a steady speed, so its position is a function of the time alone and a restart resumes
 * where the clock says; sent to an incident it drives straight at it. Pure: no clock, no database.
 */
final class DemoPatrols {

    /** About 30 km/h, a patrol's pace through city traffic. */
    static final double PATROL_METRES_PER_SECOND = 8.5;
    /** About 45 km/h, a unit on its way to an incident with lights on. */
    static final double RESPONSE_METRES_PER_SECOND = 12.5;

    /** A route as a line of waypoints, with the distance from its start to each. */
    record Route(String name, List<GeoPoint> points, double[] distances) {

        static Route of(String name, List<GeoPoint> points) {
            if (points.size() < 2) {
                throw new IllegalArgumentException("route " + name + " needs two waypoints or more");
            }
            double[] distances = new double[points.size()];
            for (int i = 1; i < points.size(); i++) {
                distances[i] = distances[i - 1] + points.get(i - 1).metresTo(points.get(i));
            }
            return new Route(name, List.copyOf(points), distances);
        }

        double length() {
            return distances[distances.length - 1];
        }

        /** The point {@code metres} along the route, turning back at each end. */
        GeoPoint at(double metres) {
            double lap = 2 * length();
            double d = ((metres % lap) + lap) % lap;
            if (d > length()) {
                d = lap - d;
            }
            int i = 1;
            while (i < distances.length - 1 && distances[i] < d) {
                i++;
            }
            double leg = distances[i] - distances[i - 1];
            double share = leg == 0 ? 0 : (d - distances[i - 1]) / leg;
            GeoPoint a = points.get(i - 1);
            GeoPoint b = points.get(i);
            return new GeoPoint(a.lat() + (b.lat() - a.lat()) * share, a.lon() + (b.lon() - a.lon()) * share);
        }
    }

    private DemoPatrols() {
    }

    /** The patrol position at {@code epochSecond}, a unit starting {@code startMetres} along its route. */
    static GeoPoint patrolling(Route route, double startMetres, long epochSecond) {
        return route.at(startMetres + PATROL_METRES_PER_SECOND * epochSecond);
    }

    /** One step of {@code seconds} from {@code from} straight toward {@code to}, stopping on it. */
    static GeoPoint toward(GeoPoint from, GeoPoint to, double seconds) {
        double left = from.metresTo(to);
        double step = RESPONSE_METRES_PER_SECOND * seconds;
        if (left <= step) {
            return to;
        }
        double share = step / left;
        return new GeoPoint(from.lat() + (to.lat() - from.lat()) * share, from.lon() + (to.lon() - from.lon()) * share);
    }

    static List<Route> routes() {
        Map<String, List<GeoPoint>> byName = new LinkedHashMap<>();
        try (var reader = new BufferedReader(new InputStreamReader(new ClassPathResource("reference/demo-patrols.csv").getInputStream(),
            StandardCharsets.UTF_8))) {
            reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("route,")).forEach(line -> {
                String[] cells = line.split(",");
                byName.computeIfAbsent(cells[0].strip(), k -> new ArrayList<>())
                    .add(new GeoPoint(Double.parseDouble(cells[1]), Double.parseDouble(cells[2])));
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not read reference/demo-patrols.csv", e);
        }
        return byName.entrySet().stream().map(e -> Route.of(e.getKey(), e.getValue())).toList();
    }
}
