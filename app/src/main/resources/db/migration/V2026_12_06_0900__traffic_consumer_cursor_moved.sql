-- Traffic's detection consumer now lives in traffic.internal.rules; its cursor is kept under its class name, so it
-- moves with it (otherwise the consumer would start afresh at the newest sighting and skip any not yet handled).
update detections.consumer_cursor set consumer = 'org.safecity.traffic.internal.rules.ReactingToDetections'
where consumer = 'org.safecity.traffic.internal.ReactingToDetections'
  and not exists (select 1 from detections.consumer_cursor where consumer = 'org.safecity.traffic.internal.rules.ReactingToDetections');
