-- video: an administrator may switch recording off for a camera (no row = recorded when its node and city say so).
create table video.camera_setting (
    camera_id  bigint primary key,
    recording  boolean     not null,
    changed_by text        not null,
    changed_at timestamptz not null
);
