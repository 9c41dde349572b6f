-- watchlists: hotlists of vehicles and persons, and their entries.
create schema if not exists watchlists;

create table watchlists.list (
    id             bigserial primary key,
    name           text        not null,
    type           text        not null check (type in ('STOLEN_VEHICLE', 'WANTED_VEHICLE', 'UNPAID_CHALLANS', 'WANTED_PERSON', 'CUSTOM')),
    kind           text        not null check (kind in ('VEHICLE', 'PERSON')),
    owner          text        not null,
    -- The jurisdiction that manages the list (a city code), or null for the whole province.
    city_code      text,
    priority       text        not null check (priority in ('HIGH', 'MEDIUM', 'LOW')),
    -- Plates of a fuzzy list also match readings with confusable characters or one character missing or extra.
    fuzzy          boolean     not null default false,
    -- Faces of a person list match when the cosine similarity of the embeddings is at least this.
    face_threshold real        not null default 0.75 check (face_threshold > 0 and face_threshold <= 1),
    expires_at     timestamptz,
    created_at     timestamptz not null default now()
);
create unique index list_name_once on watchlists.list (lower(name));

create table watchlists.entry (
    id               bigserial primary key,
    list_id          bigint      not null references watchlists.list (id),
    plate            text,
    plate_as_written text,
    cnic             text check (cnic ~ '^[0-9]{13}$'),
    person_name      text,
    embedding        real[],
    face_model       text,
    reason           text        not null,
    expires_at       timestamptz,
    added_by         text        not null,
    created_at       timestamptz not null default now(),
    removed_at       timestamptz,
    check (plate is not null or cnic is not null or person_name is not null or embedding is not null),
    check ((embedding is null) = (face_model is null))
);
create index entry_by_list on watchlists.entry (list_id);
create unique index entry_plate_once on watchlists.entry (list_id, plate) where plate is not null and removed_at is null;
