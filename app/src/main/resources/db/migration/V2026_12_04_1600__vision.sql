-- vision: each camera's analytics settings, and the plate reads people marked wrong (the evaluation set).
create schema if not exists vision;

-- One row per camera whose analytics were ever set; no row = nothing analysed. The settings are one JSON
-- document (analysers, frame rate, regions, lines and zones with their rules) checked by the application.
create table vision.camera_analytics (
    camera_id  bigint      primary key,
    settings   jsonb       not null,
    changed_by text        not null,
    changed_at timestamptz not null
);

-- A plate read an operator marked wrong, with what the plate really says when they know it. Kept, with the
-- read and its crop's path, for measuring and improving the reader; one mark per read (the last one stands).
create table vision.read_correction (
    event_id      text        primary key,
    camera_id     bigint      not null,
    observed_at   timestamptz not null,
    plate_read    text        not null,
    confidence    double precision,
    crop_path     text,
    correct_plate text,
    note          text,
    marked_by     text        not null,
    marked_at     timestamptz not null
);
create index read_correction_by_time on vision.read_correction (marked_at desc);
