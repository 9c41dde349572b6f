-- Commercial premises under the Safe Cities Authority Act, what the Act requires of each category,
-- and the history of each premises' compliance.
create schema if not exists partners;

-- What the Act requires of a category of premises from a day on; a later row of the same category
-- replaces it from its own day, so a past evaluation can be explained by the row then in force.
create table partners.category_requirement (
    category          text    not null,
    effective_from    date    not null,
    name              text    not null,
    min_cameras       int     not null check (min_cameras >= 0),
    points            text[]  not null,
    min_width         int     not null check (min_width > 0),
    min_height        int     not null check (min_height > 0),
    retention_days    int     not null check (retention_days > 0),
    authority_records boolean not null,
    max_offline_share double precision not null check (max_offline_share between 0 and 1),
    primary key (category, effective_from)
);

create table partners.premises (
    id                  bigserial primary key,
    name                text             not null,
    category            text             not null,
    owner_kind          text             not null check (owner_kind in ('CNIC', 'NTN')),
    owner_number        text             not null,
    address             text             not null,
    city_code           text             not null,
    zone_code           text,
    lat                 double precision not null,
    lon                 double precision not null,
    licence_number      text             not null,
    contact_name        text,
    contact_phone       text,
    contact_email       text,
    act_applies_from    date             not null,
    registration        text             not null,
    compliance_status   text             not null default 'NOT_REGISTERED',
    compliance_reasons  jsonb            not null default '[]',
    compliance_since    timestamptz,
    evaluated_at        timestamptz,
    created_at          timestamptz      not null default now(),
    -- a licence number is issued by the city's authority: the natural key of a re-run import
    constraint premises_licence_once unique (city_code, licence_number)
);
create index premises_by_place on partners.premises (city_code, zone_code);
create index premises_by_status on partners.premises (compliance_status);

-- The points of the premises (entrance, cash counter...) a camera covers, as its manager or an inspector says.
create table partners.camera_points (
    camera_id   bigint primary key,
    premises_id bigint not null references partners.premises (id),
    points      text[] not null
);
create index camera_points_by_premises on partners.camera_points (premises_id);

-- Each change of a premises' status or of the reasons for it, written when an evaluation finds one.
create table partners.compliance_change (
    id          bigserial primary key,
    premises_id bigint      not null references partners.premises (id),
    changed_at  timestamptz not null,
    from_status text,
    to_status   text        not null,
    reasons     jsonb       not null
);
create index compliance_change_by_premises on partners.compliance_change (premises_id, changed_at desc);
create index compliance_change_by_time on partners.compliance_change (changed_at);

create table partners.loaded (
    what      text primary key,
    loaded_at timestamptz not null
);
