-- What a clip holds: stream copy starts it on the key frame at or before the time asked for, so its
-- first picture can be earlier than from_at. Null for clips exported before these were recorded.
alter table video.clip add column first_frame_at timestamptz;
alter table video.clip add column last_frame_at  timestamptz;
