-- A panic button belongs to a premises of the partners register (null for one registered before, or
-- for a place that is not a commercial premises under the Act).
alter table emergency.panic_button add column premises_id bigint;
create index panic_button_by_premises on emergency.panic_button (premises_id) where premises_id is not null;
