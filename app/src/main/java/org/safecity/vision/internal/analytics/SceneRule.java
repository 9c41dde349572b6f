package org.safecity.vision.internal.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.safecity.shared.InvalidInput;

/**
 * A rule an administrator puts on a line or a zone of a camera's picture. Each kind checks its own
 * settings and decides itself, from the tracks, when something happened.
 */
sealed interface SceneRule permits SceneRule.LineRule, SceneRule.ZoneRule {

    /** The rule's name in the settings' JSON ({@code "type"}). */
    String type();

    /** What is wrong with the rule's own settings; {@code field} names it in the request. */
    List<InvalidInput.FieldError> problems(String field);

    /** A rule of a line, told of each track that crossed it in the latest frame and in which direction. */
    sealed interface LineRule extends SceneRule permits CountCrossings, WrongWay {
        Optional<SceneEvent> crossed(String lineName, Line line, Track track, String direction);
    }

    /** A rule of a zone, shown the tracks standing in it in the latest frame. */
    sealed interface ZoneRule extends SceneRule permits Loitering, Crowding {
        List<SceneEvent> check(String zoneName, List<Track> inZone, Instant now);
    }

    /** Every crossing of the line is counted, by direction ({@code line_crossing}). */
    record CountCrossings() implements LineRule {
        @Override
        public String type() {
            return "count";
        }

        @Override
        public List<InvalidInput.FieldError> problems(String field) {
            return List.of();
        }

        @Override
        public Optional<SceneEvent> crossed(String lineName, Line line, Track track, String direction) {
            return Optional.of(new SceneEvent("line_crossing", lineName, track.id, Map.of("direction", direction,
                "objectClass", track.objectClass.name().toLowerCase(Locale.ROOT))));
        }
    }

    /** The line is one way, in its direction: a vehicle crossing it the opposite way is going the wrong way ({@code wrong_way}). */
    record WrongWay() implements LineRule {
        @Override
        public String type() {
            return "wrong_way";
        }

        @Override
        public List<InvalidInput.FieldError> problems(String field) {
            return List.of();
        }

        @Override
        public Optional<SceneEvent> crossed(String lineName, Line line, Track track, String direction) {
            if (!track.isVehicle() || direction.equals(line.direction())) {
                return Optional.empty();
            }
            return Optional.of(new SceneEvent("wrong_way", lineName, track.id, Map.of("direction", direction,
                "allowedDirection", line.direction(), "vehicleType", track.objectClass.name().toLowerCase(Locale.ROOT))));
        }
    }

    /** A person staying in the zone longer than {@code seconds} is loitering; told once per stay ({@code loitering}). */
    record Loitering(int seconds) implements ZoneRule {
        @Override
        public String type() {
            return "loitering";
        }

        @Override
        public List<InvalidInput.FieldError> problems(String field) {
            return seconds >= 5 && seconds <= 86_400 ? List.of()
                : List.of(new InvalidInput.FieldError(field + ".seconds", "must be 5 to 86400 seconds"));
        }

        @Override
        public List<SceneEvent> check(String zoneName, List<Track> inZone, Instant now) {
            var events = new ArrayList<SceneEvent>();
            for (Track track : inZone) {
                Instant since = track.inZoneSince.get(zoneName);
                if (track.isPerson() && since != null && !track.loiteringReported.contains(zoneName)
                    && Duration.between(since, now).toSeconds() >= seconds) {
                    track.loiteringReported.add(zoneName);
                    events.add(new SceneEvent("loitering", zoneName, track.id, Map.of("seconds", Duration.between(since, now).toSeconds(),
                        "since", since.toString())));
                }
            }
            return events;
        }
    }

    /** More than {@code people} people in the zone at once is a crowd ({@code crowd}); told again only after it thinned out. */
    record Crowding(int people) implements ZoneRule {
        @Override
        public String type() {
            return "crowding";
        }

        @Override
        public List<InvalidInput.FieldError> problems(String field) {
            return people >= 1 && people <= 10_000 ? List.of()
                : List.of(new InvalidInput.FieldError(field + ".people", "must be 1 to 10000 people"));
        }

        @Override
        public List<SceneEvent> check(String zoneName, List<Track> inZone, Instant now) {
            long count = inZone.stream().filter(Track::isPerson).filter(Track::seenNow).count();
            return count > people ? List.of(new SceneEvent("crowd", zoneName, 0, Map.of("people", count, "threshold", people)))
                : List.of();
        }
    }
}
