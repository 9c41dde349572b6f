-- Accepted detections reach the modules that react to them (watchlists, traffic) in memory after the
-- intake's commit; each such consumer keeps here the last sighting id it has handled, updated in the
-- consumer's own transaction, and on start-up (or after falling behind) reads the sightings after it.
create table detections.consumer_cursor (
    consumer   text        primary key,
    last_id    bigint      not null,
    updated_at timestamptz not null
);

-- The replay reads sightings by id range; ids grow with time within each day partition, so a BRIN
-- index finds them at next to no cost on insert.
create index sighting_by_id on detections.sighting using brin (id);

-- An exact plate search finds its rows through the folded-plate index (each plate has one folded form)
-- and then compares the plate: one index fewer to maintain for every row stored.
drop index detections.sighting_by_plate;

-- Idempotency whatever observedAt or kind a resent item carries: (device, eventId) is recorded here
-- once. Two generations, each holding one period of `repeat-window`; the writer looks in both and
-- writes to the current one, and empties the older one (TRUNCATE, no row deletes) when a new period
-- starts, so a repeat is recognised for at least one period and at most two.
create table detections.event_seen (
    generation  smallint not null,
    device_id   bigint   not null,
    event_id    text     not null,
    sighting_id bigint   not null
) partition by list (generation);
create table detections.event_seen_0 partition of detections.event_seen for values in (0);
create table detections.event_seen_1 partition of detections.event_seen for values in (1);
create unique index event_seen_once on detections.event_seen (device_id, event_id, generation);

-- Which period each generation holds (the period number is days since 1970 divided by the window).
create table detections.event_seen_period (
    generation smallint primary key,
    period     bigint   not null
);
insert into detections.event_seen_period values (0, -1), (1, -1);

-- Sightings stored before this version are not in event_seen: exact repeats of them are still caught by
-- sighting_once. DetectionsAccepted is no longer published through the event table: its rows are dropped.
delete from event_publication where event_type = 'org.safecity.detections.DetectionsAccepted';
