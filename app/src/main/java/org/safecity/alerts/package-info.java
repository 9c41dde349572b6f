/**
 * Alerts raised from watchlist hits and video analytics: their lifecycle (new, acknowledged,
 * escalated, dismissed, closed) with assignee and timeline, deduplication of repeats, escalation of
 * what nobody acknowledged in time, routing by the camera's city, and the live feed (Server-Sent
 * Events), with each alert's picture (its sighting's picture, vision's plate crop, or the camera's recorded
 * frame at the moment). Raises an alert when a recorded camera goes dark (video's {@link org.safecity.video.CameraWentDark}).
 * Publishes {@link org.safecity.alerts.AlertEscalated}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Alerts and live feed")
package org.safecity.alerts;
