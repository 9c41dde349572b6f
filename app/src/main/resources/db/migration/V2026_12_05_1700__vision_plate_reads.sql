-- vision: the plate reads it reported (with their crops), people's corrections of them, and the crops added to cases.

-- One row per voted plate read that the detections intake stored; event_id is the detection's, so a read
-- reported twice is kept once. city_code and zone_code are the camera's when read, for jurisdiction.
create table vision.plate_read (
    id          bigserial        primary key,
    event_id    text             not null unique,
    camera_id   bigint           not null,
    city_code   text,
    zone_code   text,
    read_at     timestamptz      not null,
    text        text             not null,
    plate       text             not null,
    format      text,
    confidence  double precision not null,
    crop_path   text
);
create index plate_read_camera_idx on vision.plate_read (camera_id, read_at desc);
create index plate_read_city_idx on vision.plate_read (city_code, read_at desc);

-- What a person says a read should have been: the right text, or not a plate at all. One per read (the
-- latest word); together they are the evaluation set of real reads.
create table vision.read_correction (
    read_id      bigint      primary key references vision.plate_read (id) on delete cascade,
    right_text   text,
    not_a_plate  boolean     not null,
    corrected_by text        not null,
    corrected_at timestamptz not null,
    check (not_a_plate = (right_text is null))
);

-- A read's crop added to a case, once per read and case: a retried request answers the same evidence item.
create table vision.read_evidence (
    read_id  bigint      not null references vision.plate_read (id) on delete cascade,
    case_id  uuid        not null,
    item_id  uuid        not null,
    added_by text        not null,
    added_at timestamptz not null,
    primary key (read_id, case_id)
);
