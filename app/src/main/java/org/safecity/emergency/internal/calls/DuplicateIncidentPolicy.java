package org.safecity.emergency.internal.calls;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.safecity.emergency.internal.incidents.Incident;

/**
 * Two reports are probably one incident when they are of the same type, close together, and a
 * few minutes apart: three callers about one fire, or a panic press and a 15 call from the bank.
 * Suggested to the dispatcher for merging, never merged automatically.
 */
public record DuplicateIncidentPolicy(double radiusMetres, Duration window) {

    public List<Incident> likelyDuplicates(Incident incident, List<Incident> candidates) {
        return candidates.stream()
            .filter(other -> other.id() != incident.id())
            .filter(other -> other.type().equals(incident.type()))
            .filter(other -> other.status().isOpen())
            .filter(other -> Duration.between(other.openedAt(), incident.openedAt()).abs().compareTo(window) <= 0)
            .filter(other -> other.location().metresTo(incident.location()) <= radiusMetres)
            .sorted(Comparator.comparingDouble(other -> other.location().metresTo(incident.location())))
            .toList();
    }
}
