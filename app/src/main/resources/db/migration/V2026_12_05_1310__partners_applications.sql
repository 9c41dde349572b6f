-- Applications through the partner portal: where each came from (to limit applications per address)
-- and the Authority's decision on it.
alter table partners.premises add column applied_from text;
alter table partners.premises add column decided_by text;
alter table partners.premises add column decided_at timestamptz;
alter table partners.premises add column decision_reason text;
create index premises_applied_from on partners.premises (applied_from, created_at) where applied_from is not null;
