-- vision: each camera's analytics settings.
create schema if not exists vision;

-- One row per camera whose analytics were ever set; no row = nothing analysed. The settings are one JSON
-- document (analysers, frame rate, regions, lines and zones with their rules) checked by the application.
create table vision.camera_analytics (
    camera_id  bigint      primary key,
    settings   jsonb       not null,
    changed_by text        not null,
    changed_at timestamptz not null
);
