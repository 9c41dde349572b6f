package org.safecity.emergency.internal.figures;

import java.time.Duration;
import org.safecity.emergency.internal.incidents.Priority;

/** How soon an incident of a priority must have a unit dispatched, and the unit arrive. */
public record ResponseTarget(Priority priority, Duration callToDispatch, Duration dispatchToArrival) {
}
