-- alerts: a recorded camera that goes dark (no video) raises an alert (video's CameraWentDark).
alter table alerts.alert drop constraint alert_type_check;
alter table alerts.alert add constraint alert_type_check
    check (type in ('WATCHLIST_HIT', 'FACE_HIT', 'ANALYTIC', 'CAMERA_OFFLINE'));
