/**
 * What cameras, edge boxes and NVRs report: intake of detection batches (HTTP and MQTT), durable
 * group-committed persistence as sightings partitioned by day, retention per kind, and sightings
 * search. Other modules receive {@link org.safecity.detections.DetectionsAccepted} by implementing
 * {@link org.safecity.detections.DetectionConsumer}; the picture a sighting carries is read through
 * {@link org.safecity.detections.SightingPictures}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Detections and sightings")
package org.safecity.detections;
