-- video: recorded segments, retention rules, holds on footage, exported clips.
create schema if not exists video;

-- One closed, complete recorded segment (MPEG-TS, video only, remuxed without transcoding).
create table video.segment (
    id             bigserial primary key,
    camera_id      bigint      not null,
    started_at     timestamptz not null,
    ended_at       timestamptz not null check (ended_at >= started_at),
    -- relative to <data-dir>/media/video
    path           text        not null unique,
    bytes          bigint      not null check (bytes >= 0),
    -- segments of one FFmpeg run have continuous timestamps; a new run is a discontinuity for players
    run_started_at timestamptz not null,
    node           text        not null
);
create index segment_by_camera on video.segment (camera_id, started_at);

-- Days kept and disk quota, for a city or a camera (the camera's rule wins, then the city's, then the default).
create table video.retention_rule (
    scope       text   not null check (scope in ('CITY', 'CAMERA')),
    subject     text   not null,
    days        int    check (days > 0),
    quota_bytes bigint check (quota_bytes > 0),
    primary key (scope, subject)
);

-- Footage that retention must keep: from an incident, an evidence export or a legal order.
create table video.hold (
    id          bigserial primary key,
    camera_id   bigint      not null,
    from_at     timestamptz not null,
    to_at       timestamptz not null check (to_at > from_at),
    kind        text        not null check (kind in ('INCIDENT', 'EVIDENCE', 'LEGAL')),
    reference   text,
    reason      text        not null,
    created_by  text        not null,
    created_at  timestamptz not null,
    released_at timestamptz,
    released_by text
);
create index hold_by_camera on video.hold (camera_id, from_at) where released_at is null;
-- an incident or an export holds a camera's footage once, however often its event is delivered
create unique index hold_once on video.hold (kind, reference, camera_id) where reference is not null;

-- A clip exported from the recordings: one MP4, optionally handed to a case as evidence.
create table video.clip (
    id               uuid primary key,
    camera_id        bigint      not null,
    from_at          timestamptz not null,
    to_at            timestamptz not null,
    case_id          uuid,
    status           text        not null check (status in ('PENDING', 'READY', 'FAILED')),
    bytes            bigint,
    sha256           text,
    path             text,
    evidence_item_id uuid,
    error            text,
    requested_by     text        not null,
    requested_at     timestamptz not null,
    finished_at      timestamptz
);
