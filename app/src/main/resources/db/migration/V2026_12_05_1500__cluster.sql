-- cluster: the instances sharing this database. The leases themselves are PostgreSQL advisory locks.
create schema if not exists cluster;

-- One row per instance alive or recently alive: its roles and its heartbeat. lock_key is the advisory lock
-- it holds while it runs, so an instance killed outright drops out as soon as its connection closes.
create table cluster.instance (
    cluster    text        not null,
    name       text        not null,
    roles      text[]      not null,
    lock_key   bigint      not null,
    started_at timestamptz not null,
    beat_at    timestamptz not null,
    primary key (cluster, name)
);
