-- The intake copies new sightings straight into detections.sighting: event_seen alone tells a new
-- (device, eventId) from a repeat, so the unique index that caught exact repeats goes. Without it, a
-- row needs one index fewer, and COPY (which cannot skip a conflicting row) can write the table.
drop index detections.sighting_once;
