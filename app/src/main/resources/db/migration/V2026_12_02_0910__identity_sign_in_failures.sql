-- Failed sign-ins, per username ('user:<name>') and per client address ('address:<ip>'). In the
-- database rather than in each instance's memory: guesses spread over several instances add up,
-- and a restart does not forgive them.
create table identity.sign_in_failure (
    subject        text        primary key,
    failures       int         not null,
    last_failed_at timestamptz not null,
    locked_until   timestamptz
);
create index sign_in_failure_by_last on identity.sign_in_failure (last_failed_at);
