-- emergency: incident types and response targets, incidents, calls, timelines, units and their
-- positions, assignments, panic buttons, target breaches, issued public warnings.
create schema if not exists emergency;

-- What a response target is measured against: the priority of the incident.
create table emergency.response_target (
    priority                 text primary key check (priority in ('P1', 'P2', 'P3', 'P4')),
    call_to_dispatch_seconds int  not null check (call_to_dispatch_seconds > 0),
    dispatch_to_arrival_seconds int not null check (dispatch_to_arrival_seconds > 0)
);
insert into emergency.response_target values
    ('P1', 120, 600),
    ('P2', 300, 900),
    ('P3', 900, 1800),
    ('P4', 3600, 3600);

create table emergency.incident_type (
    code             text    primary key check (code ~ '^[A-Z][A-Z_]{1,39}$'),
    name             text    not null,
    default_priority text    not null references emergency.response_target (priority),
    unit_types       text[]  not null,
    active           boolean not null default true
);
insert into emergency.incident_type (code, name, default_priority, unit_types) values
    ('TERRORISM',     'Terrorism, blast or firing',  'P1', '{POLICE_CAR,POLICE_MOTORCYCLE,AMBULANCE,FIRE_TENDER}'),
    ('PANIC_ALARM',   'Panic alarm at premises',     'P1', '{POLICE_CAR,POLICE_MOTORCYCLE}'),
    ('ROBBERY',       'Robbery or dacoity',          'P1', '{POLICE_CAR,POLICE_MOTORCYCLE}'),
    ('FIRE',          'Fire',                        'P1', '{FIRE_TENDER,AMBULANCE}'),
    ('ASSAULT',       'Assault or fight',            'P2', '{POLICE_CAR,POLICE_MOTORCYCLE}'),
    ('ROAD_ACCIDENT', 'Road traffic accident',       'P2', '{AMBULANCE,POLICE_MOTORCYCLE,POLICE_CAR}'),
    ('MEDICAL',       'Medical emergency',           'P2', '{AMBULANCE}'),
    ('THEFT',         'Theft (not in progress)',     'P3', '{POLICE_CAR,POLICE_MOTORCYCLE}'),
    ('DISTURBANCE',   'Public disturbance',          'P3', '{POLICE_CAR,POLICE_MOTORCYCLE}'),
    ('OTHER',         'Other',                       'P4', '{POLICE_CAR,POLICE_MOTORCYCLE,AMBULANCE,FIRE_TENDER}');

-- A registered premises' panic button: a bank branch, a plaza, a fuel station. Its key is kept
-- only as a SHA-256 hash; a revoked button keeps its row so its past presses stay explained.
create table emergency.panic_button (
    id            bigserial        primary key,
    premises_name text             not null,
    premises_kind text             not null,
    address       text             not null,
    lat           double precision not null,
    lon           double precision not null,
    city_code     text             not null,
    zone_code     text,
    key_hash      bytea            not null unique,
    created_at    timestamptz      not null,
    revoked_at    timestamptz
);

create table emergency.incident (
    id             bigserial        primary key,
    type           text             not null references emergency.incident_type (code),
    priority       text             not null references emergency.response_target (priority),
    status         text             not null,
    city_code      text             not null,
    zone_code      text,
    lat            double precision not null,
    lon            double precision not null,
    address        text,
    landmark       text,
    description    text             not null,
    source         text             not null,
    panic_button_id bigint          references emergency.panic_button (id),
    alert_id       text             unique,
    -- the tracking id this incident is known by in NENA EIDO exchange; our own unless imported
    tracking_id    text             not null unique,
    merged_into    bigint           references emergency.incident (id),
    opened_at      timestamptz      not null,
    dispatched_at  timestamptz,
    arrived_at     timestamptz,
    resolved_at    timestamptz,
    closed_at      timestamptz,
    opened_by      text             not null
);
create index incident_by_city_opened on emergency.incident (city_code, opened_at);
create index incident_open on emergency.incident (status) where status not in ('RESOLVED', 'CLOSED');

-- A call about an incident: several callers may report the same incident.
create table emergency.call (
    id            bigserial   primary key,
    incident_id   bigint      not null references emergency.incident (id),
    caller_name   text,
    caller_number text,
    received_at   timestamptz not null,
    taken_by      text        not null
);
create index call_by_incident on emergency.call (incident_id);

-- Everything that happened to an incident, in order, with who and when.
create table emergency.timeline_entry (
    id          bigserial   primary key,
    incident_id bigint      not null references emergency.incident (id),
    at          timestamptz not null,
    actor       text        not null,
    kind        text        not null,
    text        text        not null,
    unit_id     bigint
);
create index timeline_by_incident on emergency.timeline_entry (incident_id, at, id);

create table emergency.unit (
    id           bigserial        primary key,
    call_sign    text             not null unique,
    type         text             not null,
    station      text,
    city_code    text             not null,
    zone_code    text,
    capabilities text[]           not null default '{}',
    status       text             not null,
    lat          double precision,
    lon          double precision,
    position_at  timestamptz,
    last_seen    timestamptz,
    silent_since timestamptz,
    created_at   timestamptz      not null
);

-- The accounts that crew a unit: a FIELD_UNIT account acts for at most one unit.
create table emergency.unit_crew (
    account_id bigint primary key,
    unit_id    bigint not null references emergency.unit (id)
);

create table emergency.unit_position (
    unit_id     bigint           not null references emergency.unit (id),
    at          timestamptz      not null,
    lat         double precision not null,
    lon         double precision not null,
    received_at timestamptz      not null
);
create index unit_position_by_unit on emergency.unit_position (unit_id, at);

create table emergency.assignment (
    id              bigserial   primary key,
    incident_id     bigint      not null references emergency.incident (id),
    unit_id         bigint      not null references emergency.unit (id),
    dispatched_at   timestamptz not null,
    dispatched_by   text        not null,
    acknowledged_at timestamptz,
    en_route_at     timestamptz,
    arrived_at      timestamptz,
    cleared_at      timestamptz,
    eta_seconds     int
);
-- A unit works one incident at a time.
create unique index assignment_one_active_per_unit on emergency.assignment (unit_id) where cleared_at is null;
create index assignment_by_incident on emergency.assignment (incident_id);

-- A press is remembered by the button's own press id so a retried request opens nothing new.
create table emergency.panic_press (
    panic_button_id bigint      not null references emergency.panic_button (id),
    press_id        text        not null,
    incident_id     bigint      not null references emergency.incident (id),
    pressed_at      timestamptz not null,
    primary key (panic_button_id, press_id)
);

create table emergency.target_breach (
    id             bigserial   primary key,
    incident_id    bigint      not null references emergency.incident (id),
    measure        text        not null check (measure in ('CALL_TO_DISPATCH', 'DISPATCH_TO_ARRIVAL')),
    priority       text        not null,
    target_seconds int         not null,
    detected_at    timestamptz not null,
    unique (incident_id, measure)
);

-- Public warnings as issued: the CAP 1.2 message exactly as sent.
create table emergency.warning (
    id          bigserial   primary key,
    identifier  text        not null unique,
    event       text        not null,
    city_code   text,
    sent_at     timestamptz not null,
    issued_by   text        not null,
    cap_xml     text        not null
);
