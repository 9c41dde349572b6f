package org.safecity.vision.internal.analytics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safecity.vision.internal.Point;

/**
 * What a camera's analysis does: which analysers run, how many frames a second it looks at, where in
 * the picture (regions of interest; none = all of it), and its lines and zones with their rules.
 */
record AnalyticsSettings(boolean plates, boolean faces, boolean objects, double framesPerSecond, List<Area> regions,
                         List<NamedLine> lines, List<NamedZone> zones) {

    static final double DEFAULT_RATE = 2;

    AnalyticsSettings {
        regions = List.copyOf(regions);
        lines = List.copyOf(lines);
        zones = List.copyOf(zones);
    }

    record NamedLine(String name, Line line, List<SceneRule.LineRule> rules) {
        NamedLine {
            rules = List.copyOf(rules);
        }
    }

    record NamedZone(String name, Area area, List<SceneRule.ZoneRule> rules) {
        NamedZone {
            rules = List.copyOf(rules);
        }
    }

    /** Whether a plate's path from {@code first} to {@code last} says all this camera's lines ask of it: it crossed one, or there are none. */
    boolean pathComplete(Point first, Point last) {
        return lines.isEmpty() || lines.stream().anyMatch(l -> l.line().crossing(first, last).isPresent());
    }

    /** A camera nobody configured: nothing analysed. */
    static AnalyticsSettings off() {
        return new AnalyticsSettings(false, false, false, DEFAULT_RATE, List.of(), List.of(), List.of());
    }

    boolean anyOn() {
        return plates || faces || objects;
    }

    /** Whether a point lies in a region of interest (anywhere, with none drawn). */
    boolean watched(Point p) {
        return regions.isEmpty() || regions.stream().anyMatch(r -> r.contains(p));
    }

    /** As the API shows and the database keeps it. */
    Map<String, Object> json() {
        var m = new LinkedHashMap<String, Object>();
        m.put("plates", plates);
        m.put("faces", faces);
        m.put("objects", objects);
        m.put("framesPerSecond", framesPerSecond);
        m.put("regions", regions.stream().map(AnalyticsSettings::points).toList());
        m.put("lines", lines.stream().map(l -> {
            var line = new LinkedHashMap<String, Object>();
            line.put("name", l.name());
            line.put("from", List.of(l.line().from().x(), l.line().from().y()));
            line.put("to", List.of(l.line().to().x(), l.line().to().y()));
            line.put("direction", l.line().direction());
            line.put("opposite", l.line().opposite());
            line.put("rules", l.rules().stream().map(AnalyticsSettings::rule).toList());
            return line;
        }).toList());
        m.put("zones", zones.stream().map(z -> {
            var zone = new LinkedHashMap<String, Object>();
            zone.put("name", z.name());
            zone.put("polygon", points(z.area()));
            zone.put("rules", z.rules().stream().map(AnalyticsSettings::rule).toList());
            return zone;
        }).toList());
        return m;
    }

    private static List<List<Double>> points(Area area) {
        var points = new ArrayList<List<Double>>();
        area.corners().forEach(p -> points.add(List.of(p.x(), p.y())));
        return points;
    }

    private static Map<String, Object> rule(SceneRule rule) {
        var m = new LinkedHashMap<String, Object>();
        m.put("type", rule.type());
        switch (rule) {
            case SceneRule.Loitering l -> m.put("seconds", l.seconds());
            case SceneRule.Crowding c -> m.put("people", c.people());
            case SceneRule.CountCrossings c -> { }
            case SceneRule.WrongWay w -> { }
        }
        return m;
    }
}
