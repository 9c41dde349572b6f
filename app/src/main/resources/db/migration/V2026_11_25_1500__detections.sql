-- detections: every sighting a device reported, partitioned by day on observed_at.
create schema if not exists detections;

create sequence detections.sighting_id;

-- One row per accepted detection. The camera's city, zone and position are copied in at intake so a
-- search or a route shows where the camera stood then, and the table needs no join to be scoped.
create table detections.sighting (
    id           bigint           not null default nextval('detections.sighting_id'),
    device_id    bigint           not null,
    event_id     text             not null,
    camera_id    bigint           not null,
    observed_at  timestamptz      not null,
    received_at  timestamptz      not null,
    kind         text             not null,
    plate        text,
    plate_read   text,
    -- The plate with OCR-confusable characters folded to one class (O/0/D/Q -> 0, ...), for tolerant search.
    plate_folded text,
    confidence   real,
    city_code    text,
    zone_code    text,
    lat          double precision,
    lon          double precision,
    details      jsonb            not null
) partition by list (kind);

-- Each kind has its own daily partitions, so each kind's retention is applied by dropping whole days.
create table detections.sighting_plate partition of detections.sighting for values in ('plate') partition by range (observed_at);
create table detections.sighting_object partition of detections.sighting for values in ('object') partition by range (observed_at);
create table detections.sighting_face partition of detections.sighting for values in ('face') partition by range (observed_at);
create table detections.sighting_analytic partition of detections.sighting for values in ('analytic') partition by range (observed_at);
create table detections.sighting_signal partition of detections.sighting for values in ('signal') partition by range (observed_at);
create table detections.sighting_speed partition of detections.sighting for values in ('speed') partition by range (observed_at);

-- Idempotency: a device resending an item resends the same eventId, kind and observedAt. A unique index
-- on a partitioned table must contain the partition keys, hence kind and observed_at here.
create unique index sighting_once on detections.sighting (device_id, event_id, kind, observed_at);
create index sighting_by_plate on detections.sighting (plate, observed_at) where plate is not null;
create index sighting_by_folded_plate on detections.sighting (plate_folded, observed_at) where plate_folded is not null;
create index sighting_by_camera on detections.sighting (camera_id, observed_at);
create index sighting_by_city on detections.sighting (city_code, observed_at);

