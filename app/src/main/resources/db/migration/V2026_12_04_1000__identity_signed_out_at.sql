-- When an account's sign-ins were last ended (password changed, disabled, or revoked by an
-- administrator): console sessions begun before it are refused. Access tokens are deleted then.
alter table identity.account add column signed_out_at timestamptz;
