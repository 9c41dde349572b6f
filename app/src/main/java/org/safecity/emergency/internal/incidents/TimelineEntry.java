package org.safecity.emergency.internal.incidents;

import java.time.Instant;

/** One thing that happened to an incident: who, when, what. */
public record TimelineEntry(long id, Instant at, String actor, String kind, String text, Long unitId) {
}
