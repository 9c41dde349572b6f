-- traffic: violation rules, review, owners, fine schedule, challans, notices, payments, contests.
create schema if not exists traffic;

-- One rule per camera (or road section ending at a camera) and offence; thresholds are data, not code.
create table traffic.rule (
    id                 bigserial primary key,
    camera_id          bigint      not null,
    kind               text        not null check (kind in ('SIGNAL', 'SPOT_SPEED', 'AVERAGE_SPEED', 'WRONG_WAY', 'ANALYTIC')),
    offence            text        not null,
    -- SIGNAL: the approach the stop-line camera watches, and where its phase comes from:
    -- signal detections of signal_camera_id for that approach, or a fixed cycle.
    approach           text,
    signal_camera_id   bigint,
    cycle_seconds      integer check (cycle_seconds > 0),
    red_from_seconds   integer check (red_from_seconds >= 0),
    red_to_seconds     integer check (red_to_seconds >= 0),
    cycle_epoch        timestamptz,
    -- SPOT_SPEED and AVERAGE_SPEED
    limit_kmh          integer check (limit_kmh > 0),
    tolerance_kmh      integer check (tolerance_kmh >= 0),
    -- AVERAGE_SPEED: the entry camera of the section (camera_id is its exit) and the road distance
    entry_camera_id    bigint,
    distance_m         integer check (distance_m > 0),
    -- WRONG_WAY
    allowed_direction  text,
    -- ANALYTIC: no_helmet, no_seat_belt, mobile_phone, triple_riding
    analytic_type      text,
    enabled            boolean     not null default true,
    created_by         text        not null,
    created_at         timestamptz not null default now()
);
create index rule_by_camera on traffic.rule (camera_id) where enabled;
create index rule_by_signal_camera on traffic.rule (signal_camera_id) where enabled;
create index rule_by_entry_camera on traffic.rule (entry_camera_id) where enabled;

-- Per offence: automatic issue above a confidence (null: never), and how many different reviewers approve.
create table traffic.offence_policy (
    offence               text primary key,
    auto_issue_confidence double precision check (auto_issue_confidence > 0 and auto_issue_confidence <= 1),
    approvals_required    integer not null default 1 check (approvals_required between 1 and 3),
    updated_by            text    not null,
    updated_at            timestamptz not null default now()
);

-- Signal phases as the junction controllers report them, per approach.
create table traffic.signal_phase (
    camera_id  bigint      not null,
    approach   text        not null,
    phase      text        not null,
    at         timestamptz not null,
    primary key (camera_id, approach, at)
);

-- Plate reads at the entry cameras of average-speed sections, kept until the vehicle leaves the section.
create table traffic.passage (
    camera_id   bigint      not null,
    plate       text        not null,
    observed_at timestamptz not null,
    primary key (camera_id, plate, observed_at)
);

create table traffic.violation (
    id             bigserial primary key,
    -- one detection yields at most one violation
    sighting_id    bigint unique,
    event_id       text,
    rule_id        bigint references traffic.rule (id),
    camera_id      bigint      not null,
    camera_name    text,
    site_name      text,
    city_code      text,
    zone_code      text,
    offence        text        not null,
    plate          text,
    plate_as_read  text,
    confidence     double precision,
    vehicle_type   text,
    observed_at    timestamptz not null,
    measurement    jsonb       not null default '{}',
    status         text        not null default 'PENDING' check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    approvals_required integer not null default 1,
    approved_by    text[]      not null default '{}',
    reject_reason  text,
    challan_number text,
    created_at     timestamptz not null default now()
);
create index violation_by_status on traffic.violation (status, observed_at);
create index violation_recent on traffic.violation (plate, offence, site_name, observed_at);

create table traffic.violation_image (
    violation_id bigint not null references traffic.violation (id),
    name         text   not null,
    media_type   text   not null,
    content      bytea  not null,
    primary key (violation_id, name)
);

create table traffic.violation_step (
    id           bigserial primary key,
    violation_id bigint      not null references traffic.violation (id),
    at           timestamptz not null,
    what         text        not null,
    by_whom      text        not null,
    note         text
);
create index violation_step_by_violation on traffic.violation_step (violation_id, id);

-- The Excise and Taxation department's registrations, loaded from CSV until the records module takes over.
create table traffic.vehicle_registration (
    plate       text primary key,
    owner_name  text not null,
    owner_cnic  text not null check (owner_cnic ~ '^[0-9]{13}$'),
    owner_phone text,
    owner_email text,
    make        text,
    model       text,
    colour      text,
    loaded_at   timestamptz not null default now()
);

-- The fine schedule, versioned: the schedule in force on a day is the latest effective_from on or before it.
create table traffic.fine (
    effective_from date    not null,
    offence        text    not null,
    offence_name   text    not null,
    vehicle_class  text    not null check (vehicle_class in ('motorcycle', 'car_jeep', 'ltv', 'htv')),
    amount_pkr     bigint  check (amount_pkr > 0),
    loaded_by      text    not null,
    primary key (effective_from, offence, vehicle_class)
);

create table traffic.challan_sequence (
    city_code text    not null,
    year      integer not null,
    last      bigint  not null,
    primary key (city_code, year)
);

create sequence traffic.payment_reference_seq;

create table traffic.challan (
    number            text primary key,
    violation_id      bigint      not null unique references traffic.violation (id),
    plate             text        not null,
    offence           text        not null,
    offence_name      text        not null,
    vehicle_class     text        not null,
    fine_pkr          bigint      not null check (fine_pkr > 0),
    observed_at       timestamptz not null,
    issued_at         timestamptz not null,
    due_date          date        not null,
    status            text        not null check (status in ('ISSUED', 'PAID', 'CONTESTED', 'CANCELLED', 'NO_OWNER')),
    payment_reference text        not null unique,
    owner_name        text,
    owner_cnic        text,
    owner_phone       text,
    owner_email       text,
    city_code         text,
    zone_code         text,
    camera_id         bigint      not null,
    site_name         text,
    paid_pkr          bigint,
    paid_at           timestamptz
);
create index challan_by_plate on traffic.challan (plate);
create index challan_by_status on traffic.challan (status, due_date);

create table traffic.challan_step (
    id             bigserial primary key,
    challan_number text        not null references traffic.challan (number),
    at             timestamptz not null,
    what           text        not null,
    by_whom        text        not null,
    note           text
);
create index challan_step_by_challan on traffic.challan_step (challan_number, id);

create table traffic.payment (
    bank_transaction_id text primary key,
    challan_number      text        not null references traffic.challan (number),
    payment_reference   text        not null,
    amount_pkr          bigint      not null,
    paid_at             timestamptz not null,
    body_sha256         text        not null,
    received_at         timestamptz not null
);
create index payment_by_day on traffic.payment (paid_at);

create table traffic.contest (
    id             bigserial primary key,
    challan_number text        not null references traffic.challan (number),
    statement      text        not null,
    submitted_at   timestamptz not null,
    status         text        not null default 'OPEN' check (status in ('OPEN', 'UPHELD', 'CANCELLED')),
    decided_at     timestamptz,
    decided_by     text,
    reason         text
);
create unique index contest_open_once on traffic.contest (challan_number) where status = 'OPEN';

-- The default notice gateway: messages the operator reads and sends, with their delivery status.
create table traffic.outbox (
    id             bigserial primary key,
    channel        text        not null check (channel in ('SMS', 'EMAIL')),
    recipient      text        not null,
    challan_number text        not null references traffic.challan (number),
    body           text        not null,
    status         text        not null default 'QUEUED' check (status in ('QUEUED', 'SENT', 'FAILED')),
    created_at     timestamptz not null,
    sent_at        timestamptz
);

-- Plates this module has put on the unpaid-challans watchlist.
create table traffic.unpaid_listed (
    plate     text primary key,
    listed_at timestamptz not null
);

create table traffic.loaded (
    what      text primary key,
    loaded_at timestamptz not null
);
