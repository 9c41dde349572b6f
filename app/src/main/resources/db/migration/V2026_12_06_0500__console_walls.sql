-- console: what a person's video wall looks like. Layouts belong to one account; camera groups to
-- their owner, and a shared one is offered to everyone whose jurisdiction overlaps its owner's.
-- Camera and site ids are the registry's, kept without a foreign key: the console reads the camera
-- network over its API, and a wall shows only the cameras its viewer may watch.
create schema if not exists console;

create table console.wall_layout (
    id          bigserial primary key,
    account_id  bigint      not null,
    name        text        not null,
    size        smallint    not null check (size in (1, 4, 9, 16)),
    screens     smallint    not null check (screens in (1, 2)),
    -- [{"cameraId": 12} | {"groupId": 3, "seconds": 10} | null, ...], size * screens of them, and the
    -- wall's own sequence {"groupId": 3, "seconds": 10} or null
    tiles       jsonb       not null,
    sequence    jsonb,
    updated_at  timestamptz not null,
    unique (account_id, name)
);

create table console.camera_group (
    id          bigserial primary key,
    owner_id    bigint      not null,
    owner_name  text        not null,
    name        text        not null,
    kind        text        not null check (kind in ('SITE', 'ROUTE', 'LIST')),
    site_id     bigint,
    camera_ids  bigint[]    not null default '{}',
    shared      boolean     not null default false,
    -- where a shared group is offered: its owner's jurisdiction when it was saved
    city_code   text,
    zone_code   text,
    updated_at  timestamptz not null,
    check ((kind = 'SITE') = (site_id is not null)),
    unique (owner_id, name)
);
create index camera_group_shared on console.camera_group (city_code) where shared;
