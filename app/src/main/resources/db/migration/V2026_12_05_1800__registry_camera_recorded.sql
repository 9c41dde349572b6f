-- Whether the Authority records a camera's stream. A premises camera whose category the Authority may
-- only view on demand is registered with false and is not pulled by the recorders.
alter table registry.camera add column recorded boolean not null default true;
