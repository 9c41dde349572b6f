-- The notification outbox also carries messages that are not about a challan (a premises' notice):
-- such a message names what it is about (reference) and where it lies, and is queued once per channel.
alter table traffic.outbox alter column challan_number drop not null;
alter table traffic.outbox add column reference text;
alter table traffic.outbox add column city_code text;
alter table traffic.outbox add column zone_code text;
alter table traffic.outbox add constraint outbox_about_something check (challan_number is not null or reference is not null);
create unique index outbox_reference_once on traffic.outbox (reference, channel) where reference is not null;

-- What a premises is fined for a notice left unremedied, by category, from a day on; a later row of the
-- same category takes over from its day. The shipped rows are demonstration values.
create table partners.penalty_rate (
    category       text    not null,
    effective_from date    not null,
    amount_pkr     bigint  not null check (amount_pkr > 0),
    demonstration  boolean not null,
    primary key (category, effective_from)
);
insert into partners.penalty_rate (category, effective_from, amount_pkr, demonstration) values
    ('BANK', '2026-01-01', 500000, true),
    ('PLAZA', '2026-01-01', 200000, true),
    ('HOTEL', '2026-01-01', 150000, true),
    ('PETROL_STATION', '2026-01-01', 100000, true),
    ('HOSPITAL', '2026-01-01', 100000, true),
    ('SCHOOL', '2026-01-01', 50000, true),
    ('MARKET', '2026-01-01', 100000, true),
    ('MARRIAGE_HALL', '2026-01-01', 100000, true),
    ('FACTORY', '2026-01-01', 200000, true),
    ('BANK', '2026-07-01', 750000, true);

-- A notice to a premises that became non-compliant: open until it is remedied (the premises becomes
-- compliant) or escalated at its deadline. At most one notice of a premises is open or escalated at a time.
create table partners.notice (
    id           bigserial primary key,
    number       text        not null unique,
    premises_id  bigint      not null references partners.premises (id),
    issued_at    timestamptz not null,
    deadline     timestamptz not null,
    reasons      jsonb       not null,
    status       text        not null check (status in ('OPEN', 'ESCALATED', 'REMEDIED')),
    escalated_at timestamptz,
    closed_at    timestamptz
);
create unique index notice_one_open on partners.notice (premises_id) where status in ('OPEN', 'ESCALATED');
create index notice_by_deadline on partners.notice (deadline) where status = 'OPEN';

-- A penalty imposed on a notice, at most one per notice, at the rate then in force.
create table partners.penalty (
    notice_id     bigint      primary key references partners.notice (id),
    amount_pkr    bigint      not null,
    rate_from     date        not null,
    demonstration boolean     not null,
    reason        text        not null,
    imposed_at    timestamptz not null,
    imposed_by    text        not null
);

-- Who opened a premises' camera (live, playback, snapshot, clip), when and why: its manager reads it.
create table partners.camera_access (
    id          bigserial primary key,
    premises_id bigint      not null,
    camera_id   bigint      not null,
    who         text        not null,
    what        text        not null,
    purpose     text        not null,
    at          timestamptz not null
);
create index camera_access_by_premises on partners.camera_access (premises_id, at desc);
