-- alerts: what an operator must look at, its lifecycle and its timeline.
create schema if not exists alerts;

create table alerts.alert (
    id              bigserial primary key,
    type            text             not null check (type in ('WATCHLIST_HIT', 'FACE_HIT', 'ANALYTIC')),
    priority        text             not null check (priority in ('HIGH', 'MEDIUM', 'LOW')),
    status          text             not null check (status in ('NEW', 'ACKNOWLEDGED', 'ESCALATED', 'DISMISSED', 'CLOSED')),
    plate           text,
    plate_read      text,
    person_name     text,
    analytic        text,
    camera_id       bigint           not null,
    camera_name     text,
    site_name       text,
    -- Where the camera stands: the alert goes to the operators of this city (and zone).
    city_code       text,
    zone_code       text,
    lat             double precision,
    lon             double precision,
    list_id         bigint,
    list_name       text,
    entry_id        bigint,
    reason          text,
    sighting_id     bigint,
    matched_by      text,
    score           double precision,
    -- Repeats of the same plate, list and camera within the window raise the count, not a new alert.
    count           int              not null default 1,
    assignee        text,
    observed_at     timestamptz      not null,
    received_at     timestamptz,
    created_at      timestamptz      not null,
    last_seen_at    timestamptz      not null,
    acknowledged_at timestamptz,
    escalated_at    timestamptz,
    closed_at       timestamptz,
    dismiss_reason  text
);
create index alert_open_by_key on alerts.alert (list_id, camera_id, plate) where status in ('NEW', 'ACKNOWLEDGED');
create index alert_new_by_created on alerts.alert (created_at) where status = 'NEW';
create index alert_by_city on alerts.alert (city_code, created_at);

-- The timeline of every alert; its sequence is the id of the live feed's events, so a reconnecting
-- console asks for everything after the last one it saw.
create table alerts.alert_event (
    seq      bigserial primary key,
    alert_id bigint      not null references alerts.alert (id),
    kind     text        not null,
    actor    text        not null,
    note     text,
    at       timestamptz not null
);
create index alert_event_by_alert on alerts.alert_event (alert_id, seq);
