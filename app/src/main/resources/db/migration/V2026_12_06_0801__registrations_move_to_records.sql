-- E-challan's vehicle registrations move to the records, where every department's data is kept: the
-- rows of traffic.vehicle_registration become VEHICLE records of a source of their own, taken through
-- the records' import when SafeCity starts (CarryingOverRegistrations: keys, owners, links, versions),
-- and e-challan's own table goes. A row the import refuses stays here with its reason.
create table records.carried_over (
    id         bigserial primary key,
    source_id  bigint not null references records.source (id),
    row        jsonb  not null,
    refusal    text
);

insert into records.source (code, name, owner, description, retention_days, kinds, mapping, created_by)
select 'excise-carried-over', 'Vehicle registrations carried over from e-challan', 'Excise & Taxation',
       'The registrations e-challan kept before the records took them over', 36500, array['VEHICLE'], '{}'::jsonb, 'migration'
where exists (select 1 from traffic.vehicle_registration);

insert into records.carried_over (source_id, row)
select s.id, jsonb_strip_nulls(jsonb_build_object('id', v.plate, 'plate', v.plate, 'ownerName', v.owner_name, 'ownerCnic', v.owner_cnic,
         'ownerPhone', v.owner_phone, 'ownerEmail', v.owner_email, 'make', v.make, 'model', v.model, 'colour', v.colour))
from traffic.vehicle_registration v join records.source s on s.code = 'excise-carried-over'
order by v.plate;

drop table traffic.vehicle_registration;
