-- The ONVIF device service of a camera (http or https), through which a PTZ camera is steered; it answers to the
-- camera's stream credentials. Optional: most cameras are only pulled over RTSP.
alter table registry.camera add column onvif_address text check (onvif_address ~ '^https?://');
