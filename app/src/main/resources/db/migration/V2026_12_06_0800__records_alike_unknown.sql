-- Weak keys of persons named without a CNIC are kept under their own kind: a person arriving with a CNIC
-- is proposed only as someone known without one, so it looks there alone and never reads the many
-- persons with a CNIC who share a common name and father's name.
update records.record_key k set kind = 'alike-unknown'
where k.kind = 'alike'
  and exists (select 1 from records.link l join records.person p on p.id = l.person_id
              where l.record_id = k.record_id and p.cnic is null);
