package org.safecity.vision.internal.analytics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies a camera's lines and zones to its tracks after each frame: which tracks crossed which line
 * (and which way), who stands in which zone since when, and what the rules make of it. A crowd is told
 * when it forms, not again on every frame while it lasts.
 */
final class SceneWatch {

    private final Set<String> crowded = new HashSet<>();

    List<SceneEvent> after(Tracker.Update update, AnalyticsSettings settings, Instant now) {
        var events = new ArrayList<SceneEvent>();
        for (var named : settings.lines()) {
            for (Track track : update.live()) {
                if (track.previous == null || !track.seenNow()) {
                    continue;
                }
                named.line().crossing(track.previous, track.position).ifPresent(direction -> {
                    for (var rule : named.rules()) {
                        rule.crossed(named.name(), named.line(), track, direction).ifPresent(events::add);
                    }
                });
            }
        }
        for (var zone : settings.zones()) {
            var inZone = new ArrayList<Track>();
            for (Track track : update.live()) {
                if (zone.area().contains(track.position)) {
                    track.inZoneSince.putIfAbsent(zone.name(), track.lastSeen);
                    inZone.add(track);
                } else if (track.seenNow()) {
                    track.inZoneSince.remove(zone.name());
                    track.loiteringReported.remove(zone.name());
                }
            }
            for (var rule : zone.rules()) {
                var found = rule.check(zone.name(), inZone, now);
                if (rule instanceof SceneRule.Crowding) {
                    String key = zone.name() + "\u0001" + rule;
                    if (found.isEmpty()) {
                        crowded.remove(key);
                    } else if (!crowded.add(key)) {
                        continue; // still the same crowd
                    }
                }
                events.addAll(found);
            }
        }
        return events;
    }
}
