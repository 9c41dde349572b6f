-- registry.camera.status now holds only the installation a person records (PLANNED, INSTALLED,
-- FAULTY). ONLINE and OFFLINE were once written here from what the camera sent, and by the demo from
-- nothing at all; whether a camera works is read from registry.camera_presence instead.
update registry.camera set status = 'INSTALLED' where status in ('ONLINE', 'OFFLINE');
alter table registry.camera add constraint camera_installation check (status in ('PLANNED', 'INSTALLED', 'FAULTY'));
