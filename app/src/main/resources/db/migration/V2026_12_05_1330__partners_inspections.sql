-- Visits of the Authority's inspectors: the category's checklist as found, findings and the outcome.
-- The latest visit's outcome counts in the premises' compliance.
create table partners.inspection (
    id           bigserial primary key,
    premises_id  bigint      not null references partners.premises (id),
    inspected_at timestamptz not null,
    inspector    text        not null,
    checklist    jsonb       not null,
    findings     text,
    outcome      text        not null check (outcome in ('PASSED', 'FAILED'))
);
create index inspection_by_premises on partners.inspection (premises_id, inspected_at desc, id desc);
