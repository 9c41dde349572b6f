-- Each kind of rule keeps its own parameters as JSON (by the components of its record in the code),
-- and names the other cameras it watches, so that a new kind of rule needs no new columns.
alter table traffic.rule add column parameters jsonb not null default '{}';
alter table traffic.rule add column also_watches bigint[] not null default '{}';

update traffic.rule set
    parameters = jsonb_strip_nulls(jsonb_build_object(
        'approach', approach,
        'signalCameraId', signal_camera_id,
        'cycleSeconds', cycle_seconds,
        'redFromSeconds', red_from_seconds,
        'redToSeconds', red_to_seconds,
        'cycleEpoch', to_char(cycle_epoch at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        'limitKmh', limit_kmh,
        'toleranceKmh', tolerance_kmh,
        'entryCameraId', entry_camera_id,
        'distanceM', distance_m,
        'allowedDirection', allowed_direction,
        'analyticType', analytic_type)),
    also_watches = array_remove(array[signal_camera_id, entry_camera_id], null);

create index rule_by_watched_camera on traffic.rule using gin (also_watches) where enabled;

-- the kinds are the code's to name now
alter table traffic.rule drop constraint rule_kind_check;
alter table traffic.rule
    drop column approach, drop column signal_camera_id, drop column cycle_seconds, drop column red_from_seconds,
    drop column red_to_seconds, drop column cycle_epoch, drop column limit_kmh, drop column tolerance_kmh,
    drop column entry_camera_id, drop column distance_m, drop column allowed_direction, drop column analytic_type;
