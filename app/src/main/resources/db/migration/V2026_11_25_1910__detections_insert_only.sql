-- Sightings and event_seen are only added to, then dropped or emptied whole: PostgreSQL vacuuming them
-- again and again as they grow reclaims nothing and took a core under intake load. Statistics are
-- still gathered (autoanalyze), and freezing still happens when due. New day partitions are made
-- with the same setting (DailyPartitions).
alter table detections.event_seen_0 set (autovacuum_vacuum_insert_threshold = -1);
alter table detections.event_seen_1 set (autovacuum_vacuum_insert_threshold = -1);
do $$
declare day_partition record;
begin
    for day_partition in
        select c.oid::regclass as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
        join pg_class p on p.oid = i.inhparent join pg_namespace n on n.oid = p.relnamespace
        where n.nspname = 'detections' and p.relname like 'sighting\_%' and c.relkind = 'r'
    loop
        execute format('alter table %s set (autovacuum_vacuum_insert_threshold = -1)', day_partition.name);
    end loop;
end $$;
