-- Each watchlist hit and analytic detection the alerts have handled, by sighting and entry: the same one handed over
-- again (a publication resubmitted while its first delivery still waited its turn, or after a crash that came after
-- the alert's commit) raises and repeats nothing twice. Kept a week, far longer than any publication waits.
create table alerts.handled_sighting (
    sighting_id bigint not null,
    entry_id bigint not null, -- the list entry hit; 0 for an analytic detection
    handled_at timestamptz not null,
    primary key (sighting_id, entry_id)
);
create index handled_sighting_by_time on alerts.handled_sighting (handled_at);
