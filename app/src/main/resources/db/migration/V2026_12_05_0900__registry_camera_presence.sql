-- When each camera was heard from: spans of continuous presence (video flowing, detections arriving),
-- written as the camera is heard and closed when it goes silent. Status and uptime are read from
-- these, never from the planned state a person typed.
create table registry.camera_presence (
    id         bigserial primary key,
    camera_id  bigint      not null references registry.camera (id),
    from_at    timestamptz not null,
    until_at   timestamptz not null check (until_at >= from_at),
    closed     boolean     not null default false
);
create index camera_presence_by_camera on registry.camera_presence (camera_id, until_at desc);
-- at most one open span per camera
create unique index camera_presence_one_open on registry.camera_presence (camera_id) where not closed;
