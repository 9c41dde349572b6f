-- Each person's name as written (lower case, without the space around it) is a key of its own, 'spelled',
-- so that a search finds the very spelling asked for among the many records whose names share its
-- spelling key, and ranks it first without reading them all. The records already held get theirs here
-- from the name fields of every kind (RecordKeys.spelled does the same for what arrives from now on).
insert into records.record_key (record_id, kind, value)
select r.id, 'spelled', lower(btrim(f.value))
from records.record r
cross join lateral jsonb_each_text(r.fields) f
where f.key in ('name', 'nameUrdu', 'ownerName', 'ownerNameUrdu', 'complainantName', 'complainantNameUrdu',
                'accusedName', 'accusedNameUrdu')
  and f.value ~ '[[:alpha:]]'
on conflict do nothing;
