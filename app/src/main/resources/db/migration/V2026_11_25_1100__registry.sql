-- registry: cities, rollout phases, zones (police stations), sites, cameras, devices and their keys.
create schema if not exists registry;

create table registry.city (
    code        text             primary key check (code ~ '^[A-Z]{3}$'),
    name        text             not null unique,
    district_hq text             not null,
    lat         double precision not null,
    lon         double precision not null
);

-- A rollout phase as announced; blank figures stay null ("not announced"), never zero.
create table registry.phase (
    number          int    primary key check (number > 0),
    name            text   not null,
    planned_sites   int    check (planned_sites >= 0),
    planned_cameras int    check (planned_cameras >= 0),
    budget_pkr      bigint check (budget_pkr >= 0),
    duration_months int    check (duration_months > 0),
    start_date      date,
    notes           text
);

create table registry.phase_city (
    phase     int  not null references registry.phase (number),
    city_code text not null references registry.city (code),
    position  int  not null,
    primary key (phase, city_code)
);

-- A zone is a police station's area within a city; its code is the zone part of a jurisdiction.
create table registry.zone (
    id            bigserial primary key,
    city_code     text             not null references registry.city (code),
    code          text             not null check (code ~ '^[A-Z0-9-]{2,12}$'),
    name          text             not null,
    lat           double precision,
    lon           double precision,
    retired_at    timestamptz,
    retire_reason text,
    unique (city_code, code)
);

create table registry.site (
    id              bigserial primary key,
    name            text             not null,
    kind            text             not null,
    lat             double precision not null,
    lon             double precision not null,
    city_code       text             not null references registry.city (code),
    zone_code       text,
    phase           int              not null references registry.phase (number),
    status          text             not null,
    surveyed_on     date,
    installed_on    date,
    commissioned_on date,
    created_at      timestamptz      not null default now(),
    retired_at      timestamptz,
    retire_reason   text,
    foreign key (city_code, zone_code) references registry.zone (city_code, code)
);
-- A site is named uniquely within its city while in service, so files can refer to it by name.
create unique index site_name_in_city on registry.site (city_code, lower(name)) where retired_at is null;
create index site_by_city_phase on registry.site (city_code, phase);
create index site_by_location on registry.site (lat, lon);

create table registry.camera (
    id            bigserial primary key,
    site_id       bigint           not null references registry.site (id),
    name          text             not null,
    make          text             not null,
    model         text             not null,
    resolution    text             not null,
    type          text             not null,
    heading       int              check (heading between 0 and 359),
    field_of_view int              check (field_of_view between 1 and 360),
    main_stream   text             not null,
    sub_stream    text,
    -- AES-256-GCM: version byte, 12-byte nonce, ciphertext and tag; the key never sits in the database.
    credentials   bytea,
    owner         text             not null,
    partner_id    bigint,
    status        text             not null,
    installed_on  date,
    last_seen     timestamptz,
    -- the camera's own position when it stands apart from its site's point; null = the site's
    lat           double precision,
    lon           double precision,
    created_at    timestamptz      not null default now(),
    retired_at    timestamptz,
    retire_reason text,
    constraint premises_camera_has_partner check (owner <> 'PREMISES' or partner_id is not null)
);
create index camera_by_site on registry.camera (site_id);
create index camera_by_partner on registry.camera (partner_id) where partner_id is not null;

-- Device keys are kept only as SHA-256 hashes; a revoked device keeps its row for the record.
create table registry.device (
    id         bigserial primary key,
    name       text        not null,
    key_hash   bytea       not null unique,
    created_at timestamptz not null,
    revoked_at timestamptz
);

create table registry.device_camera (
    device_id bigint not null references registry.device (id),
    camera_id bigint not null references registry.camera (id),
    primary key (device_id, camera_id)
);

-- What has been loaded once (reference data, the demo network), so a restart adds nothing.
create table registry.loaded (
    what      text        primary key,
    loaded_at timestamptz not null
);
