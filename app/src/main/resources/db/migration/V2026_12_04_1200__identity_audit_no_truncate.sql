-- The audit trail refused UPDATE and DELETE but not TRUNCATE, which removes every row at once.
create trigger audit_entry_no_truncate before truncate on identity.audit_entry
    for each statement execute function identity.audit_entry_is_append_only();
