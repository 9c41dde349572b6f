-- When each device key was last presented, to the minute, so an administrator sees which devices
-- still report and which keys lie unused.
alter table registry.device add column last_used_at timestamptz;
