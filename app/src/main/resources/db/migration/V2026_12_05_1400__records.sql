-- records: department data feeds (sources), every version of every record they send, the persons and
-- vehicles those records are linked to, and who linked what and why.
create schema if not exists records;

create table records.source (
    id              bigserial primary key,
    code            text        not null unique check (code ~ '^[a-z0-9-]{2,40}$'),
    name            text        not null,
    owner           text        not null,
    description     text        not null default '',
    retention_days  int         not null check (retention_days between 1 and 36500),
    kinds           text[]      not null,
    -- How a file's or an endpoint's fields map onto a record's fields: {"recordField": "column"}.
    mapping         jsonb       not null default '{}'::jsonb,
    pull_url        text,
    pull_every_minutes int      check (pull_every_minutes between 1 and 10080),
    last_pulled_at  timestamptz,
    key_hash        bytea unique,
    key_issued_at   timestamptz,
    created_by      text        not null,
    created_at      timestamptz not null default now()
);

-- One import, whatever way it came: a file, a push, a pull; its row-by-row report.
create table records.import_run (
    id          bigserial primary key,
    source_id   bigint      not null references records.source (id),
    via         text        not null check (via in ('FILE', 'PUSH', 'PULL')),
    file_name   text,
    started_at  timestamptz not null,
    started_by  text        not null,
    added       int         not null,
    unchanged   int         not null,
    refused     int         not null,
    report      jsonb       not null
);
create index import_run_by_source on records.import_run (source_id, started_at desc);

-- A version of a record as a source sent it. Never updated but for current/closed/linking bookkeeping.
create table records.record (
    id                bigserial primary key,
    source_id         bigint      not null references records.source (id),
    source_record_id  text        not null,
    version           text        not null,
    content_hash      text        not null,
    kind              text        not null,
    fields            jsonb       not null,
    received_at       timestamptz not null,
    received_via      text        not null,
    import_run_id     bigint      references records.import_run (id),
    current           boolean     not null,
    open              boolean     not null default true,
    unique (source_id, source_record_id, version)
);
create index record_current on records.record (source_id, source_record_id) where current;
create index record_received on records.record (source_id, received_at);

-- What a record can be found by: cnic, phone, plate (folded), chassis, fir, name (a spelling key).
create table records.record_key (
    record_id  bigint not null references records.record (id) on delete cascade,
    kind       text   not null,
    value      text   not null,
    primary key (kind, value, record_id)
);
create index record_key_by_record on records.record_key (record_id);

create table records.person (
    id          bigserial primary key,
    cnic        text unique check (cnic ~ '^[0-9]{13}$'),
    created_at  timestamptz not null default now()
);

create table records.vehicle (
    id            bigserial primary key,
    plate         text unique,
    plate_folded  text,
    chassis       text unique,
    created_at    timestamptz not null default now()
);
create index vehicle_by_folded_plate on records.vehicle (plate_folded);

-- Which record speaks of which person or vehicle, in which role (subject, owner, accused, complainant),
-- why, by whom; an undone link is kept with who undid it.
create table records.link (
    id           bigserial primary key,
    record_id    bigint      not null references records.record (id) on delete cascade,
    role         text        not null,
    person_id    bigint      references records.person (id),
    vehicle_id   bigint      references records.vehicle (id),
    strength     text        not null check (strength in ('STRONG', 'CONFIRMED')),
    reason       text        not null,
    linked_by    text        not null,
    linked_at    timestamptz not null,
    undone_by    text,
    undone_at    timestamptz,
    undo_reason  text,
    check ((person_id is null) <> (vehicle_id is null))
);
create index link_by_record on records.link (record_id) where undone_at is null;
create index link_by_person on records.link (person_id) where undone_at is null;
create index link_by_vehicle on records.link (vehicle_id) where undone_at is null;

-- A link weak keys only suggest (a name spelled alike, the father's name, the date of birth, a phone),
-- waiting for an analyst.
create table records.link_proposal (
    id           bigserial primary key,
    record_id    bigint      not null references records.record (id) on delete cascade,
    role         text        not null,
    person_id    bigint      not null references records.person (id),
    reason       text        not null,
    proposed_at  timestamptz not null,
    status       text        not null default 'PROPOSED' check (status in ('PROPOSED', 'CONFIRMED', 'REJECTED')),
    decided_by   text,
    decided_at   timestamptz,
    link_id      bigint      references records.link (id),
    unique (record_id, role, person_id)
);
