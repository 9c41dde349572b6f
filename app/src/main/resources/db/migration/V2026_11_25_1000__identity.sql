-- identity: people's accounts, API tokens, and the audit trail.
create schema if not exists identity;

create table identity.account (
    id            bigserial primary key,
    username      text        not null unique,
    display_name  text        not null,
    password_hash text        not null,
    roles         text[]      not null,
    city_code     text,
    zone_code     text,
    partner_id    bigint,
    enabled       boolean     not null default true,
    created_at    timestamptz not null default now(),
    constraint account_zone_needs_city check (zone_code is null or city_code is not null)
);

-- Bearer tokens for the API, kept only as SHA-256 hashes so a copy of the table signs nobody in.
create table identity.access_token (
    token_hash bytea       primary key,
    account_id bigint      not null references identity.account (id),
    issued_at  timestamptz not null,
    expires_at timestamptz not null
);
create index access_token_by_expiry on identity.access_token (expires_at);

-- Append-only and hash-chained: each entry's hash covers its fields and the previous entry's hash.
create table identity.audit_entry (
    seq           bigint      primary key,
    at            timestamptz not null,
    actor         text        not null,
    address       text,
    action        text        not null,
    target_type   text,
    target_id     text,
    reason        text,
    details       text        not null default '{}',
    previous_hash bytea       not null,
    hash          bytea       not null
);
create index audit_entry_by_target on identity.audit_entry (target_type, target_id);
create index audit_entry_by_actor on identity.audit_entry (actor, at);

create function identity.audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only';
end $$;
create trigger audit_entry_append_only before update or delete on identity.audit_entry
    for each row execute function identity.audit_entry_is_append_only();
