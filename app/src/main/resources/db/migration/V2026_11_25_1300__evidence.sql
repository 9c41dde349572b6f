-- evidence: cases, evidence items (content-addressed files), the hash-chained custody log, signed checkpoints, exports.
create schema if not exists evidence;

create table evidence.case_file (
    id                          uuid        primary key,
    fir_number                  text        not null,
    police_station              text        not null,
    offence                     text        not null,
    status                      text        not null,
    investigating_officer_id    bigint      not null,
    investigating_officer_name  text        not null,
    opened_at                   timestamptz not null,
    constraint case_fir_once_per_station unique (police_station, fir_number)
);

-- The case team besides the investigating officer.
create table evidence.case_member (
    case_id     uuid        not null references evidence.case_file (id),
    account_id  bigint      not null,
    name        text        not null,
    added_at    timestamptz not null,
    added_by    text        not null,
    primary key (case_id, account_id)
);
create index case_member_by_account on evidence.case_member (account_id);

-- One row per item received; the content lives in the media store under its SHA-256 and may be shared by identical items.
create table evidence.item (
    id             uuid        primary key,
    case_id        uuid        references evidence.case_file (id),
    sha256         text        not null,
    size           bigint      not null,
    media_type     text        not null,
    kind           text        not null,
    source_module  text        not null,
    original_name  text,
    description    text,
    collected_by   text        not null,
    collected_at   timestamptz not null,
    place          text,
    received_at    timestamptz not null,
    received_by    text        not null,
    legal_hold     boolean     not null default false,
    hold_reason    text,
    disposed_at    timestamptz
);
create index item_by_case on evidence.item (case_id);
create index item_by_sha256 on evidence.item (sha256);
create index item_retained on evidence.item (kind, received_at) where disposed_at is null;

-- One hash chain per item: each entry's hash covers its canonical fields and the previous entry's hash of the same item.
create table evidence.custody_entry (
    item_id        uuid        not null references evidence.item (id),
    seq            integer     not null,
    at             timestamptz not null,
    action         text        not null,
    actor          text        not null,
    recipient      text,
    reason         text,
    details        text        not null,
    previous_hash  bytea       not null,
    hash           bytea       not null,
    primary key (item_id, seq)
);
create index custody_entry_by_time on evidence.custody_entry (at);

-- Signed statements of every chain's head at a moment: they pin the chains so a rewritten chain cannot pass as whole.
create table evidence.checkpoint (
    seq            bigint      primary key,
    at             timestamptz not null,
    chains         integer     not null,
    entries        bigint      not null,
    heads          text        not null,
    heads_digest   bytea       not null,
    previous_hash  bytea       not null,
    hash           bytea       not null,
    public_key     text        not null,
    signature      bytea       not null
);

create function evidence.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the % is append-only', tg_argv[0];
end $$;
create trigger custody_entry_append_only before update or delete on evidence.custody_entry
    for each row execute function evidence.refuse_change('custody log');
create trigger checkpoint_append_only before update or delete on evidence.checkpoint
    for each row execute function evidence.refuse_change('checkpoint log');
create trigger custody_entry_no_truncate before truncate on evidence.custody_entry
    for each statement execute function evidence.refuse_change('custody log');
create trigger checkpoint_no_truncate before truncate on evidence.checkpoint
    for each statement execute function evidence.refuse_change('checkpoint log');

-- How long each kind of item is kept; an administrator's setting overrides the configured default.
create table evidence.retention_policy (
    kind        text        primary key,
    retain_for  text        not null,
    set_at      timestamptz not null,
    set_by      text        not null
);

create table evidence.export (
    id               uuid        primary key,
    case_id          uuid        not null references evidence.case_file (id),
    created_at       timestamptz not null,
    created_by       text        not null,
    recipient        text        not null,
    reason           text        not null,
    items            integer     not null,
    size             bigint      not null,
    sha256           text        not null,
    manifest_sha256  text        not null
);
create index export_by_case on evidence.export (case_id);
