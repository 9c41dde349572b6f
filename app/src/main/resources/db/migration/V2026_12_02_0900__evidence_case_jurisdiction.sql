-- A case belongs to the jurisdiction of the officer who opened it: supervisors see the cases of their
-- own city or zone, as operators see the alerts of theirs. Null is the whole province. Cases opened
-- before this version have no recorded jurisdiction and count as province-wide: their teams keep
-- access, and of the supervisors only those of the whole province see them.
alter table evidence.case_file add column city_code text;
alter table evidence.case_file add column zone_code text;
create index case_file_by_city on evidence.case_file (city_code, zone_code);
