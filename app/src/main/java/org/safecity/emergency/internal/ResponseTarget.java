package org.safecity.emergency.internal;

import java.time.Duration;

/** How soon an incident of a priority must have a unit dispatched, and the unit arrive. */
record ResponseTarget(Priority priority, Duration callToDispatch, Duration dispatchToArrival) {
}
