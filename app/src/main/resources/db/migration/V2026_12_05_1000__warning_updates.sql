-- CAP updates and cancellations: each message says what kind it is and which earlier messages it
-- refers to (CAP <references>: "sender,identifier,sent" of each, space separated); a warning that was
-- updated or cancelled is superseded by that later message, so only the latest can be changed again.
alter table emergency.warning add column msg_type      text not null default 'Alert' check (msg_type in ('Alert', 'Update', 'Cancel'));
alter table emergency.warning add column refers_to     text;
alter table emergency.warning add column superseded_by text unique references emergency.warning (identifier);
-- An update or cancellation keeps the status (Actual, Exercise, ...) of the message it follows.
alter table emergency.warning add column status text;
update emergency.warning set status = coalesce(substring(cap_xml from '<status>([A-Za-z]+)</status>'), 'Actual');
alter table emergency.warning alter column status set not null;
